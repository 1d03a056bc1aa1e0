using PostureScan.TestKit;
using System.Diagnostics;
using System.Text;
using PostureScan.Emulator;
using PostureScan.Emulator.Worlds;
using PostureScan.Storage;

namespace PostureScan.Tests;

/// <summary>A scan process killed at any moment leaves the previous run readable and the file intact.</summary>
public sealed class KilledScanTests
{
    private const int Regions = 4;
    private const int SessionsPerRegion = 1500;

    [Fact]
    public async Task Killing_scans_at_spread_moments_never_leaves_a_partial_run()
    {
        using var dir = new TemporaryDirectory();
        await using var host = await EmulatorHost.StartAsync(World.Parse(BigWorld(), "big.yaml"));
        var config = dir.File("config.json");
        await File.WriteAllTextAsync(config, $$"""
            { "Aws": { "ServiceUrl": "{{host.Endpoint}}", "AccessKeyId": "AKIATESTKILL00000001", "SecretAccessKey": "x", "PageSize": 50, "Regions": ["region-0", "region-1", "region-2", "region-3"] } }
            """);
        var db = dir.File("kill.db");

        var clock = Stopwatch.StartNew();
        var (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, "scan", "--config", config, "--db", db, "--json");
        var fullScan = clock.Elapsed;
        Assert.True(exit == 0, stderr);

        var random = new Random(20261127);
        var killed = 0;
        for (var attempt = 0; attempt < 6; attempt++)
        {
            // Spread the kills from early in the scan to just past its usual end, where the commit happens.
            var delay = fullScan * (0.3 + (0.85 * attempt / 5.0)) + TimeSpan.FromMilliseconds(random.Next(0, 50));
            using var scan = CliProcess.Start(dir.Path, "scan", "--config", config, "--db", db, "--json");
            await Task.Delay(delay);
            if (!scan.HasExited)
            {
                scan.Kill();
                killed++;
            }

            await scan.WaitAsync(TimeSpan.FromMinutes(1));
            await AssertStoreWholeAsync(db);
        }

        Assert.True(killed > 0, "no scan was still running when killed; the world is too small to test this");
    }

    private static async Task AssertStoreWholeAsync(string db)
    {
        await using var store = await SqliteRunStore.OpenAsync(db, TimeProvider.System, CancellationToken.None);
        Assert.Equal("ok", await store.IntegrityCheckAsync(CancellationToken.None));
        var runs = await store.ListRunsAsync(CancellationToken.None);
        Assert.NotEmpty(runs);
        Assert.All(runs, r => Assert.Equal(Regions * SessionsPerRegion, r.Sessions));
        var latest = await store.GetLatestRunAsync(CancellationToken.None);
        Assert.Equal(Regions * SessionsPerRegion, latest!.Sessions.Count);
        Assert.Equal(Regions, latest.Scopes.Count);
    }

    private static string BigWorld()
    {
        var yaml = new StringBuilder("""
            aws:
              credentials:
                - { accessKeyId: AKIATESTKILL00000001, secretAccessKey: x, account: "111111111111" }
              accounts:
                - id: "111111111111"
                  regions:

            """);
        for (var r = 0; r < Regions; r++)
        {
            yaml.Append($"      - name: region-{r}\n        faults: {{ latencyMs: 5 }}\n        targets: [{{ id: tmt-{r}, type: network-interface, networkInterfaceId: eni-t{r} }}]\n");
            yaml.Append($"        filters: [{{ id: tmf-{r}, rules: [{{ direction: ingress, ruleNumber: 1, action: accept }}] }}]\n        sessions:\n");
            for (var i = 0; i < SessionsPerRegion; i++)
            {
                yaml.Append($"          - {{ id: tms-{r}-{i}, targetId: tmt-{r}, filterId: tmf-{r}, networkInterfaceId: eni-{r}-{i}, sessionNumber: 1, description: session {i} }}\n");
            }
        }

        return yaml.ToString();
    }
}
