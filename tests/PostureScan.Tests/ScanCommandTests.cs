using PostureScan.TestKit;
using System.Text.Json;
using PostureScan.Emulator;
using PostureScan.Emulator.Worlds;
using PostureScan.Storage;

namespace PostureScan.Tests;

public sealed class ScanCommandTests
{
    private const string World = """
        aws:
          credentials:
            - { accessKeyId: AKIATESTCLI000000001, secretAccessKey: x, account: "111111111111" }
          accounts:
            - id: "111111111111"
              regions:
                - name: us-east-1
                  targets: [{ id: tmt-1, type: network-interface, networkInterfaceId: eni-t1 }]
                  filters: [{ id: tmf-1, rules: [{ direction: ingress, ruleNumber: 1, action: accept }] }]
                  sessions: [{ id: tms-1, targetId: tmt-1, filterId: tmf-1, networkInterfaceId: eni-s1, sessionNumber: 1 }]
                - name: eu-west-1
                  faults: { accessDenied: true }
        """;

    private static string Config(TemporaryDirectory dir, Uri endpoint, string extra = "")
    {
        var path = dir.File("config.json");
        File.WriteAllText(path, $$"""
            { "Aws": { "ServiceUrl": "{{endpoint}}", "AccessKeyId": "AKIATESTCLI000000001", "SecretAccessKey": "x", "MaxRetries": 1 {{extra}} } }
            """);
        return path;
    }

    [Fact]
    public async Task A_partial_scan_exits_3_stores_the_good_scope_and_prints_only_json_on_stdout()
    {
        using var dir = new TemporaryDirectory();
        await using var host = await EmulatorHost.StartAsync(Emulator.Worlds.World.Parse(World, "test.yaml"));

        var (exit, stdout, stderr) = await CliProcess.RunAsync(dir.Path, "scan", "--config", Config(dir, host.Endpoint), "--db", dir.File("s.db"), "--json");

        Assert.True(exit == 3, $"exit {exit}: {stderr}");
        using var json = JsonDocument.Parse(stdout);
        var scopes = json.RootElement.GetProperty("scopes").EnumerateArray().ToDictionary(s => s.GetProperty("region").GetString()!);
        Assert.Equal("ok", scopes["us-east-1"].GetProperty("status").GetString());
        Assert.Equal("failed", scopes["eu-west-1"].GetProperty("status").GetString());
        Assert.Contains("UnauthorizedOperation", scopes["eu-west-1"].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, json.RootElement.GetProperty("sessions").GetProperty("aws").GetInt32());
        Assert.Contains("eu-west-1: failed", stderr, StringComparison.Ordinal);

        await using var store = await SqliteRunStore.OpenAsync(dir.File("s.db"), TimeProvider.System, CancellationToken.None);
        var run = await store.GetLatestRunAsync(CancellationToken.None);
        Assert.Equal("tms-1", Assert.Single(run!.Sessions).Id);
        Assert.Equal(0, host.Counters.TotalRejectedWrites);
    }

    [Fact]
    public async Task Scan_without_config_is_a_usage_error()
    {
        using var dir = new TemporaryDirectory();

        var (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, "scan");

        Assert.Equal(2, exit);
        Assert.Contains("--config", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_config_file_is_named()
    {
        using var dir = new TemporaryDirectory();

        var (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, "scan", "--config", dir.File("nope.json"));

        Assert.Equal(2, exit);
        Assert.Contains("nope.json", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_configuration_key_is_an_error_naming_it()
    {
        using var dir = new TemporaryDirectory();

        var (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, "scan", "--config", Config(dir, new Uri("http://127.0.0.1:9/"), ", \"Regoins\": [\"us-east-1\"]"));

        Assert.Equal(2, exit);
        Assert.Contains("Regoins", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_configuration_is_an_error_naming_the_file()
    {
        using var dir = new TemporaryDirectory();
        var path = dir.File("broken.json");
        await File.WriteAllTextAsync(path, "{ \"Aws\": { \"Regions\": [ }");

        var (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, "scan", "--config", path);

        Assert.Equal(2, exit);
        Assert.Contains("broken.json", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_provider_is_a_usage_error()
    {
        using var dir = new TemporaryDirectory();

        var (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, "scan", "--config", Config(dir, new Uri("http://127.0.0.1:9/")), "--provider", "oracle");

        Assert.Equal(2, exit);
        Assert.Contains("oracle", stderr, StringComparison.Ordinal);
    }
}
