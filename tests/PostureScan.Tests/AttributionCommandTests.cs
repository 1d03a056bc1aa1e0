using System.Text.Json;
using PostureScan.Emulator;
using PostureScan.TestKit;

namespace PostureScan.Tests;

/// <summary>scan with a files audit source, end to end through the executable, and show.</summary>
public sealed class AttributionCommandTests
{
    private const string World = """
        aws:
          credentials:
            - { accessKeyId: AKIATESTCLI000000001, secretAccessKey: x, account: "111111111111" }
          accounts:
            - id: "111111111111"
              regions:
                - name: us-east-1
                  targets: [{ id: tmt-0000000000000000a, type: network-interface, networkInterfaceId: eni-t1, ownerId: "999999999999" }]
                  filters: [{ id: tmf-0000000000000000b, rules: [{ id: tmfr-000000000000000c, direction: ingress, ruleNumber: 1, action: accept }] }]
                  sessions: [{ id: tms-0000000000000000d, targetId: tmt-0000000000000000a, filterId: tmf-0000000000000000b, networkInterfaceId: eni-s1, sessionNumber: 1 }]
        """;

    private const string Identity =
        """{"type":"AssumedRole","arn":"arn:aws:sts::111111111111:assumed-role/Ops/eve","accountId":"111111111111","sessionContext":{"sessionIssuer":{"arn":"arn:aws:iam::111111111111:role/Ops"}}}""";

    /// <summary>A user's call that CloudFormation made on the user's behalf.</summary>
    private const string ViaService =
        """{"type":"IAMUser","arn":"arn:aws:iam::111111111111:user/deployer","accountId":"111111111111","invokedBy":"cloudformation.amazonaws.com"}""";

    private static string Record(string id, string name, string response, string agent, string identity = Identity) =>
        $$"""{"eventVersion":"1.10","userIdentity":{{identity}},"eventTime":"{{TimeProvider.System.GetUtcNow().AddDays(-2):yyyy-MM-dd'T'HH:mm:ss'Z'}}","eventSource":"ec2.amazonaws.com","eventName":"{{name}}","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.5","userAgent":{{JsonSerializer.Serialize(agent)}},"requestParameters":{},"responseElements":{{response}},"eventID":"{{id}}","recipientAccountId":"111111111111"}""";

    private static string Config(TemporaryDirectory dir, Uri endpoint, string auditPath)
    {
        var path = dir.File("config.json");
        File.WriteAllText(path, $$"""
            {
              "Aws": { "ServiceUrl": "{{endpoint}}", "AccessKeyId": "AKIATESTCLI000000001", "SecretAccessKey": "x", "MaxRetries": 1 },
              "Audit": { "LookbackDays": 30, "Sources": [ { "Name": "trail-files", "Type": "files", "Paths": [ {{JsonSerializer.Serialize(auditPath)}} ] } ] }
            }
            """);
        return path;
    }

    [Fact]
    public async Task Scan_attributes_from_files_the_second_scan_reads_nothing_new_and_show_prints_the_timeline()
    {
        using var dir = new TemporaryDirectory();
        await using var host = await EmulatorHost.StartAsync(Emulator.Worlds.World.Parse(World, "test.yaml"));
        var logs = Directory.CreateDirectory(dir.File("logs")).FullName;
        await File.WriteAllLinesAsync(Path.Combine(logs, "trail.jsonl"), [
            Record("ev-target", "CreateTrafficMirrorTarget", """{"CreateTrafficMirrorTargetResponse":{"trafficMirrorTarget":{"trafficMirrorTargetId":"tmt-0000000000000000a","tagSet":""}}}""", "cloudformation.amazonaws.com", ViaService),
            Record("ev-session", "CreateTrafficMirrorSession", """{"CreateTrafficMirrorSessionResponse":{"trafficMirrorSession":{"trafficMirrorSessionId":"tms-0000000000000000d","virtualNetworkId":"42","tagSet":""}}}""", "[red]evil[/] \u001b[2J"),
        ]);
        var config = Config(dir, host.Endpoint, logs);
        var db = dir.File("s.db");

        var (exit, stdout, stderr) = await CliProcess.RunAsync(dir.Path, "scan", "--config", config, "--db", db, "--json");

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        using (var first = JsonDocument.Parse(stdout))
        {
            var audit = first.RootElement.GetProperty("audit");
            Assert.Equal(2, audit.GetProperty("sources")[0].GetProperty("stored").GetInt32());
            Assert.Equal(1, audit.GetProperty("sessions").GetProperty("attributed").GetInt32());
        }

        (exit, stdout, stderr) = await CliProcess.RunAsync(dir.Path, "scan", "--config", config, "--db", db, "--json");

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        using (var second = JsonDocument.Parse(stdout))
        {
            var source = second.RootElement.GetProperty("audit").GetProperty("sources")[0];
            Assert.Equal((0, 0), (source.GetProperty("matched").GetInt32(), source.GetProperty("stored").GetInt32()));
            Assert.Equal(1, second.RootElement.GetProperty("audit").GetProperty("sessions").GetProperty("attributed").GetInt32());
        }

        (exit, stdout, stderr) = await CliProcess.RunAsync(dir.Path, "show", "tms-0000000000000000d", "--db", db);

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        Assert.Contains("arn:aws:sts::111111111111:assumed-role/Ops/eve", stdout, StringComparison.Ordinal);
        Assert.Contains("role arn:aws:iam::111111111111:role/Ops", stdout, StringComparison.Ordinal);
        Assert.Contains("CreateTrafficMirrorTarget", stdout, StringComparison.Ordinal);
        Assert.Contains("called by cloudformation.amazonaws.com", stdout, StringComparison.Ordinal); // the target, made by a service
        Assert.Contains("ev-session", stdout, StringComparison.Ordinal);
        Assert.Contains("[red]evil[/]", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', stdout);
        Assert.Contains("unattributed-beyond-retention", stdout, StringComparison.Ordinal); // the filter has no create event
    }

    [Fact]
    public async Task A_missing_audit_path_does_not_fail_the_scan_and_makes_the_source_unavailable()
    {
        using var dir = new TemporaryDirectory();
        await using var host = await EmulatorHost.StartAsync(Emulator.Worlds.World.Parse(World, "test.yaml"));
        var db = dir.File("s.db");

        var (exit, stdout, stderr) = await CliProcess.RunAsync(dir.Path, "scan", "--config", Config(dir, host.Endpoint, dir.File("nowhere")), "--db", db, "--json");

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        using var json = JsonDocument.Parse(stdout);
        var audit = json.RootElement.GetProperty("audit");
        Assert.Equal("failed", audit.GetProperty("sources")[0].GetProperty("status").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("sessions").GetProperty("aws").GetInt32());
        Assert.Equal(1, audit.GetProperty("sessions").GetProperty("source-unavailable").GetInt32());
        Assert.False(audit.GetProperty("sessions").TryGetProperty("unknown", out _));

        (exit, stdout, stderr) = await CliProcess.RunAsync(dir.Path, "show", "tms-0000000000000000d", "--db", db);

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        Assert.Contains("source-unavailable", stdout, StringComparison.Ordinal);
        Assert.Contains("audit source trail-files failed", stdout, StringComparison.Ordinal); // the reason says why
    }

    [Fact]
    public async Task Show_of_an_unknown_session_is_a_usage_error()
    {
        using var dir = new TemporaryDirectory();
        await using var host = await EmulatorHost.StartAsync(Emulator.Worlds.World.Parse(World, "test.yaml"));
        var db = dir.File("s.db");
        var (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, "scan", "--config", Config(dir, host.Endpoint, dir.File("nowhere")), "--db", db);
        Assert.True(exit == 0, stderr);

        (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, "show", "tms-nope", "--db", db);

        Assert.Equal(2, exit);
        Assert.Contains("tms-nope is not in run", stderr, StringComparison.Ordinal);
    }
}
