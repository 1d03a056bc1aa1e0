using System.Text.Json;
using PostureScan.Core.Findings;
using PostureScan.Emulator;
using PostureScan.Storage;
using PostureScan.TestKit;

namespace PostureScan.Tests;

public sealed class PolicyCommandTests
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

    [Theory]
    [InlineData("default.yaml")]
    [InlineData("sanctioned-ndr.example.yaml")]
    public async Task The_shipped_policies_validate(string name)
    {
        using var dir = new TemporaryDirectory();

        var (exit, stdout, stderr) = await CliProcess.RunAsync(dir.Path, "policy", "validate", Path.Combine(AppContext.BaseDirectory, "policies", name));

        Assert.True(exit == 0, stderr);
        Assert.Contains(": valid (version 1)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_policy_exits_2_with_every_error_at_its_position()
    {
        using var dir = new TemporaryDirectory();
        await File.WriteAllTextAsync(dir.File("bad.yaml"), "version: 1\nsourceNetworks:\n  - 10.0.0.0/33\nchecks:\n  no-such-check: {}\n");

        var (exit, stdout, stderr) = await CliProcess.RunAsync(dir.Path, "policy", "validate", "bad.yaml");

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("bad.yaml:3:5: sourceNetworks[0]: '10.0.0.0/33' is not a CIDR block (address/prefix with no host bits set, e.g. 10.0.0.0/8)", lines[0]);
        Assert.StartsWith("bad.yaml:5:3: checks.no-such-check: unknown check 'no-such-check'", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_with_a_policy_stores_findings_gates_on_severity_and_carries_statuses()
    {
        using var dir = new TemporaryDirectory();
        await using var host = await EmulatorHost.StartAsync(Emulator.Worlds.World.Parse(World, "test.yaml"));
        var config = Config(dir, host.Endpoint);
        var policy = Path.Combine(AppContext.BaseDirectory, "policies", "default.yaml");

        var first = await CliProcess.RunAsync(dir.Path, "scan", "--config", config, "--db", dir.File("s.db"), "--json", "--policy", policy, "--fail-on", "high");
        var second = await CliProcess.RunAsync(dir.Path, "scan", "--config", config, "--db", dir.File("s.db"), "--json", "--policy", policy, "--fail-on", "critical");

        // An unapproved destination is high: the gate at high fails (1) even though a scope failed; at critical
        // only the failed scope remains (3).
        Assert.True(first.Exit == 1, $"exit {first.Exit}: {first.Err}");
        Assert.True(second.Exit == 3, $"exit {second.Exit}: {second.Err}");
        Assert.Contains("scan: --fail-on high: 1 open finding(s) at or above it; the run is also partial (1 scope(s) failed)", first.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("--fail-on", second.Err, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(first.Out);
        var findings = json.RootElement.GetProperty("findings");
        Assert.Equal(["critical", "high", "medium", "low", "info"], findings.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, findings.GetProperty("high").GetInt32());
        Assert.Equal(0, findings.GetProperty("critical").GetInt32());

        await using var store = await SqliteRunStore.OpenAsync(dir.File("s.db"), TimeProvider.System, CancellationToken.None);
        var latest = await store.GetLatestEvaluationAsync(CancellationToken.None);
        var unapproved = Assert.Single(latest!.Findings, f => f.CheckId == "unapproved-destination");
        Assert.Equal(("tms-1", FindingStatus.Open), (unapproved.ResourceId, unapproved.Status));
        Assert.Contains(latest.NotEvaluated, n => n.CheckId == "created-by-unapproved-principal");
    }

    [Fact]
    public async Task Scan_refuses_a_broken_policy_before_touching_the_store_or_the_cloud()
    {
        using var dir = new TemporaryDirectory();
        await File.WriteAllTextAsync(dir.File("bad.yaml"), "version: 1\ncollectors:\n  - name: ndr\n");

        var (exit, _, stderr) = await CliProcess.RunAsync(
            dir.Path, "scan", "--config", Config(dir, new Uri("http://127.0.0.1:9/")), "--db", dir.File("s.db"), "--policy", "bad.yaml");

        Assert.Equal(2, exit);
        Assert.Contains("bad.yaml:3:5: collectors[0]: a collector needs at least one of: providerIds, cidrs, tags", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("s.db")));
    }

    [Fact]
    public async Task Fail_on_without_a_policy_is_a_usage_error()
    {
        using var dir = new TemporaryDirectory();

        var (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, "scan", "--config", Config(dir, new Uri("http://127.0.0.1:9/")), "--fail-on", "high");

        Assert.Equal(2, exit);
        Assert.Contains("--fail-on needs --policy", stderr, StringComparison.Ordinal);
    }

    private static string Config(TemporaryDirectory dir, Uri endpoint)
    {
        var path = dir.File("config.json");
        File.WriteAllText(path, $$"""
            { "Aws": { "ServiceUrl": "{{endpoint}}", "AccessKeyId": "AKIATESTCLI000000001", "SecretAccessKey": "x", "MaxRetries": 1 } }
            """);
        return path;
    }
}
