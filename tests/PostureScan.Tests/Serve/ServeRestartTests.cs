using PostureScan.TestKit;

namespace PostureScan.Tests.Serve;

/// <summary>The built CLI's serve, killed and started again on the same SQLite file.</summary>
public sealed class ServeRestartTests
{
    [Fact]
    public async Task Restarting_the_serve_process_keeps_the_schedule_and_the_last_run()
    {
        using var dir = new TemporaryDirectory();
        var devices = Directory.CreateDirectory(dir.File("devices")).FullName;
        await File.WriteAllTextAsync(Path.Combine(devices, "lab-sw1.cfg"), """
            hostname lab-sw1
            !
            interface GigabitEthernet1/0/1
            !
            interface GigabitEthernet1/0/24
             description sensor port
            !
            monitor session 1 source interface Gi1/0/1 both
            monitor session 1 destination interface Gi1/0/24
            !
            end
            """);
        var config = dir.File("serve.json");
        await File.WriteAllTextAsync(config, $$"""
            { "Cisco": { "Directory": "{{devices}}" }, "Serve": { "ScanCron": "0/3 * * * * ?", "MetricsPort": 0 } }
            """);
        var db = dir.File("serve.db");

        using (var first = CliProcess.Start(dir.Path, "serve", "--config", config, "--db", db))
        {
            await LatestRunAsync(dir.Path, db, null);
            first.Kill();
            await first.WaitAsync(TimeSpan.FromSeconds(30));
        }

        // Stopped (killed, even): the last run and the schedule are in the file.
        var (exit, stopped, stderr) = await CliProcess.RunAsync(dir.Path, "status", "--db", db);
        Assert.True(exit == 0, stderr);
        var firstRun = await LatestRunAsync(dir.Path, db, null);
        Assert.Contains($"Latest run   {firstRun} (complete)", stopped, StringComparison.Ordinal);
        Assert.Contains("Schedule     posturescan.scan-cron: next ", stopped, StringComparison.Ordinal);

        using var second = CliProcess.Start(dir.Path, "serve", "--config", config, "--db", db);
        var secondRun = await LatestRunAsync(dir.Path, db, firstRun);
        second.Kill();
        var (_, _, logs) = await second.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual(firstRun, secondRun);
        Assert.Contains("Schedule scan-cron kept from the store", logs, StringComparison.Ordinal);
        await using var store = await PostureScan.Storage.SqliteRunStore.OpenAsync(db, TimeProvider.System, CancellationToken.None);
        Assert.NotNull(await store.GetRunAsync(firstRun, CancellationToken.None));
        Assert.Equal("ok", await store.IntegrityCheckAsync(CancellationToken.None));
    }

    /// <summary>Polls status until a run other than <paramref name="other"/> is the latest; returns its id.</summary>
    private static async Task<string> LatestRunAsync(string workingDirectory, string db, string? other)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (File.Exists(db))
            {
                var (_, stdout, _) = await CliProcess.RunAsync(workingDirectory, "status", "--db", db);
                var line = stdout.Split('\n').FirstOrDefault(l => l.StartsWith("Latest run   ", StringComparison.Ordinal));
                var id = line?["Latest run   ".Length..].Split(' ')[0];
                if (id is not null && id != other)
                {
                    return id;
                }
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("serve stored no new run within 90 seconds");
    }
}
