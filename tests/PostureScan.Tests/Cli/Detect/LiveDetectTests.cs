using System.Text;
using System.Text.Json;
using PostureScan.Cli.Detect;
using PostureScan.Emulator;
using PostureScan.Emulator.Worlds;
using PostureScan.TestKit;

namespace PostureScan.Tests.Cli.Detect;

/// <summary><c>detect --source</c> in-process against the emulator, with a configuration file as users write it.</summary>
public sealed class LiveDetectTests
{
    private const string World = """
        aws:
          credentials:
            - { accessKeyId: AKIATESTCLI000000001, secretAccessKey: x, account: "111111111111" }
          accounts:
            - id: "111111111111"
              regions: [{ name: us-east-1 }, { name: eu-west-1 }]
        audit:
          cloudTrail:
            - account: "111111111111"
              region: us-east-1
              events:
                - { time: 2026-11-18T09:00:00Z, name: CreateTrafficMirrorTarget, actor: "arn:aws:iam::111111111111:user/old", sourceIp: 198.51.100.1, resourceId: tmt-0a0a0a0a0a0a0a0a0 }
                - { time: 2026-11-20T09:00:00Z, name: CreateTrafficMirrorSession, actor: "arn:aws:iam::111111111111:user/mallory", sourceIp: 198.51.100.7, resourceId: tms-0b0b0b0b0b0b0b0b0 }
                - { time: 2026-11-20T10:00:00Z, name: RunInstances, actor: "arn:aws:iam::111111111111:user/dev", sourceIp: 198.51.100.8 }
                - { time: 2026-11-20T11:00:00Z, name: DeleteTrafficMirrorSession, actor: "arn:aws:iam::111111111111:user/mallory", sourceIp: 198.51.100.7, resourceId: tms-0b0b0b0b0b0b0b0b0, errorCode: Client.UnauthorizedOperation }
                - { time: 2026-11-20T23:05:00Z, name: CreateTrafficMirrorFilter, actor: "arn:aws:iam::111111111111:user/late", sourceIp: 198.51.100.10, resourceId: tmf-0c0c0c0c0c0c0c0c0 }
            - account: "111111111111"
              region: eu-west-1
              faults: { accessDenied: true }
              events: [{ time: 2026-11-20T09:30:00Z, name: CreateTrafficMirrorFilter, actor: "arn:aws:iam::111111111111:user/x", sourceIp: 198.51.100.9 }]
          trailBuckets:
            - { name: trail-logs, prefix: org, accounts: ["111111111111"] }
        """;

    private static async Task<(int Exit, string Output, string Error)> DetectAsync(params string[] args)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var console = new DetectConsole(new MemoryStream(), output, error, TimeProvider.System);
        var exit = await DetectCommand.Create(() => console).Parse(args).InvokeAsync();
        return (exit, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    private static string Config(TemporaryDirectory dir, EmulatorHost host)
    {
        var path = dir.File("config.json");
        File.WriteAllText(path, $$"""
            { "Aws": { "ServiceUrl": "{{host.Endpoint}}", "AccessKeyId": "AKIATESTCLI000000001", "SecretAccessKey": "x", "MaxRetries": 2,
                       "Accounts": [ { "Id": "111111111111" } ] } }
            """);
        return path;
    }

    [Fact]
    public async Task LookupEvents_reports_the_mirror_calls_of_the_readable_region_and_exits_3_for_the_denied_one()
    {
        using var dir = new TemporaryDirectory();
        await using var host = await EmulatorHost.StartAsync(Emulator.Worlds.World.Parse(World, "world.yaml"));

        var (exit, output, error) = await DetectAsync(
            "--source", "aws-lookup", "--config", Config(dir, host), "--region", "us-east-1", "--region", "eu-west-1",
            "--since", "2026-11-20T00:00:00Z", "--until", "2026-11-20T18:00:00Z", "--format", "jsonl");

        Assert.True(exit == 3, $"exit {exit}: {error}");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["DeleteTrafficMirrorSession", "CreateTrafficMirrorSession"], lines.Select(l => l.GetProperty("eventName").GetString()));
        Assert.Equal(["failure", "success"], lines.Select(l => l.GetProperty("outcome").GetString()));
        Assert.All(lines, l => Assert.StartsWith("aws-lookup 111111111111 us-east-1 page ", l.GetProperty("input").GetProperty("api").GetString(), StringComparison.Ordinal));
        Assert.Contains("aws/111111111111/eu-west-1: failed: AccessDenied", error, StringComparison.Ordinal);
        Assert.Contains("aws/111111111111/us-east-1: 3 read, 2 matched", error, StringComparison.Ordinal);
        Assert.Equal(0, host.Counters.TotalRejectedWrites);
    }

    [Fact]
    public async Task The_trail_bucket_is_read_for_the_days_asked_for_only()
    {
        using var dir = new TemporaryDirectory();
        await using var host = await EmulatorHost.StartAsync(Emulator.Worlds.World.Parse(World, "world.yaml"));

        var (exit, output, error) = await DetectAsync(
            "--source", "aws-s3", "--config", Config(dir, host), "--bucket", "trail-logs", "--prefix", "org", "--account", "111111111111",
            "--region", "us-east-1", "--since", "2026-11-20T00:00:00Z", "--until", "2026-11-20T12:00:00Z", "--format", "csv");

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.Equal(3, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("s3://trail-logs/org/AWSLogs/111111111111/CloudTrail/us-east-1/2026/11/20/", output, StringComparison.Ordinal);
        Assert.Equal(["trail-logs/org/AWSLogs/111111111111/CloudTrail/us-east-1/2026/11/20/"], host.Counters.ListedPrefixes.Keys);
    }

    [Fact]
    public async Task A_call_late_in_the_day_is_in_the_archive_minutes_later()
    {
        // CloudTrail delivers about every five minutes: a call at 23:05 is in a file of that day well before midnight.
        // (The emulator once filed a whole hour at its end, in the next day's folder, and a read until 23:06 missed it.)
        using var dir = new TemporaryDirectory();
        await using var host = await EmulatorHost.StartAsync(Emulator.Worlds.World.Parse(World, "world.yaml"));

        var (exit, output, error) = await DetectAsync(
            "--source", "aws-s3", "--config", Config(dir, host), "--bucket", "trail-logs", "--prefix", "org", "--account", "111111111111",
            "--region", "us-east-1", "--since", "2026-11-20T23:00:00Z", "--until", "2026-11-20T23:06:00Z", "--format", "jsonl");

        Assert.True(exit == 0, $"exit {exit}: {error}");
        var line = JsonDocument.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single()).RootElement;
        Assert.Equal("CreateTrafficMirrorFilter", line.GetProperty("eventName").GetString());
    }

    [Fact]
    public async Task Paths_and_a_source_together_and_a_setting_the_source_does_not_have_are_usage_errors()
    {
        using var dir = new TemporaryDirectory();
        await using var host = await EmulatorHost.StartAsync(Emulator.Worlds.World.Parse(World, "world.yaml"));

        var both = await DetectAsync("some.json", "--source", "aws-lookup", "--config", Config(dir, host));
        var bucket = await DetectAsync("--source", "aws-lookup", "--config", Config(dir, host), "--bucket", "trail-logs");

        Assert.Equal((2, 2), (both.Exit, bucket.Exit));
        Assert.Contains("not both", both.Error, StringComparison.Ordinal);
        Assert.Contains("Bucket", bucket.Error, StringComparison.Ordinal);
        Assert.Equal(0, host.Counters.TotalCalls);
    }

    [Fact]
    public async Task A_source_of_a_type_the_configuration_lists_under_audit_sources_reads_with_its_settings()
    {
        // The Cloud Logging endpoint is a setting of the audit source, not of the Gcp section: detect takes it from the
        // configured source of the same type, so that it reads the log the ingestion reads.
        const string email = "scanner@prj-sec-tooling.iam.gserviceaccount.com";
        var key = Emulator.Gcp.GcpServiceAccountKey.Generate(email, "prj-sec-tooling");
        var world = $$"""
            gcp:
              serviceAccounts:
                - email: {{email}}
                  publicKey: |
            {{string.Join('\n', key.PublicKeyPem.ReplaceLineEndings("\n").Split('\n').Select(l => "            " + l))}}
              projects:
                - id: prj-shop
                  regions: [{ name: us-central1 }]
            audit:
              cloudLogging:
                - project: prj-shop
                  events:
                    - { time: 2026-11-20T09:00:00Z, name: v1.compute.packetMirrorings.insert, actor: eve@outsider.example, sourceIp: 203.0.113.20, resourceId: projects/prj-shop/regions/us-central1/packetMirrorings/pm-x, id: gcp-insert }
            """;
        using var dir = new TemporaryDirectory();
        await using var host = await EmulatorHost.StartAsync(Emulator.Worlds.World.Parse(world, "world.yaml"));
        await File.WriteAllTextAsync(dir.File("key.json"), key.ToKeyFileJson(Emulator.Gcp.GcpServiceAccountKey.TokenUri(host.Endpoint)));
        await File.WriteAllTextAsync(dir.File("config.json"), JsonSerializer.Serialize(new
        {
            Gcp = new { CredentialFile = dir.File("key.json"), ResourceManagerEndpoint = host.Endpoint.ToString() },
            Audit = new { Sources = new[] { new { Name = "cloud-audit", Type = "gcp-logging", Endpoint = host.Endpoint.ToString() } } },
        }));

        var (exit, output, error) = await DetectAsync(
            "--source", "gcp-logging", "--config", dir.File("config.json"), "--project", "prj-shop",
            "--since", "2026-11-20T00:00:00Z", "--until", "2026-11-21T00:00:00Z", "--format", "jsonl");

        Assert.True(exit == 0, $"exit {exit}: {error}");
        var line = JsonDocument.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single()).RootElement;
        Assert.Equal("v1.compute.packetMirrorings.insert", line.GetProperty("eventName").GetString());
    }
}
