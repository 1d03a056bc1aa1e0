using static PostureScan.Tests.Attribution.AuditScan;

namespace PostureScan.Tests.Attribution;

/// <summary>
/// Checkpoints per source and scope, end to end: a second scan asks each audit API only for the time since
/// the first (less the source's delivery lag), and what the overlap reads again is not stored again; files
/// read again store nothing twice.
/// </summary>
public sealed class IncrementalIngestionTests
{
    private const string Subscription = "6e1d7b2f-8c3a-4d4e-8f9a-2b3c4d5e6f70";
    private const string Tap = $"/subscriptions/{Subscription}/resourceGroups/rg-ndr/providers/Microsoft.Network/virtualNetworkTaps/vtap-a";
    private const string Mirroring = "projects/prj-inc/regions/europe-west1/packetMirrorings/pm-a";

    /// <summary>
    /// The first scan runs two hours ago by the scanner's clock, the second now: the emulator answers on real
    /// time (its Activity Log lists an event only once ingested), so the events between the scans lie in the past.
    /// </summary>
    private static readonly TimeSpan FirstScan = TimeSpan.FromHours(-2);

    /// <summary>An old event, one within every source's delivery lag of the first scan (read by both scans), and one between the scans.</summary>
    private static readonly TimeSpan[] Times = [FirstScan - TimeSpan.FromDays(2), FirstScan - TimeSpan.FromMinutes(5), FirstScan + TimeSpan.FromHours(1)];

    private static string Events(Func<int, TimeSpan, string> line) => string.Join('\n', Times.Select((t, i) => line(i, t)));

    private static readonly string Audit = $$"""
        cloudTrail:
          - account: "111111111111"
            region: us-east-1
            events:
        {{Events((i, t) => $"      - {{ time: {At(t)}, name: ModifyTrafficMirrorSession, actor: \"arn:aws:iam::111111111111:user/ops\", sourceIp: 198.51.100.{i}, resourceId: tms-0e00000000000000{i}, id: inc-aws-{i} }}")}}
        activityLogs:
          - subscription: {{Subscription}}
            events:
        {{Events((i, t) => $"      - {{ time: {At(t)}, name: Microsoft.Network/virtualNetworkTaps/write, actor: ops@contoso.example, sourceIp: 192.0.2.{i}, resourceId: \"{Tap}\", id: inc-az-{i} }}")}}
        cloudLogging:
          - project: prj-inc
            events:
        {{Events((i, t) => $"      - {{ time: {At(t)}, name: v1.compute.packetMirrorings.patch, actor: ops@inc.example, sourceIp: 192.0.2.{i}, resourceId: {Mirroring}, id: inc-gcp-{i} }}")}}
        """;

    private static readonly string World = AuditScan.World(
        azureSubscriptions: $"- {{ id: {Subscription}, tenantId: {Tenant}, displayName: inc }}",
        gcpProjects: "- { id: prj-inc, regions: [{ name: europe-west1 }] }",
        audit: Audit);

    /// <summary>How much each source reads again at the end of the previous read, for late deliveries.</summary>
    private static readonly Dictionary<string, TimeSpan> Lag = new(StringComparer.Ordinal)
    {
        ["cloudtrail"] = TimeSpan.FromMinutes(15),
        ["activitylog"] = TimeSpan.FromMinutes(20),
        ["logging"] = TimeSpan.FromMinutes(10),
    };

    [Fact]
    public async Task The_second_scan_asks_each_API_only_for_what_is_new_and_stores_the_overlap_once()
    {
        await using var scan = await StartAsync(World, [.. Lookup(0), .. Activity(1)]);
        scan.Configure([.. scan.Logging(2).Select(s => ("Audit:" + s.Item1, s.Item2))]);

        var first = await scan.ScanAsync(FirstScan, "aws", "azure", "gcp");

        var firstQueries = scan.Host.Counters.AuditQueries.ToList();
        Assert.Equal(["activitylog", "cloudtrail", "logging"], firstQueries.Select(q => q.Service).Distinct().Order(StringComparer.Ordinal));
        Assert.All(firstQueries, q => Assert.InRange(q.From!.Value, Now.Add(FirstScan).AddDays(-30), Now.Add(FirstScan).AddDays(-30).AddMinutes(5)));
        // The old and the recent event of each provider; the Activity Log logs each write twice (Begin and End).
        Assert.Equal([4L, 2L, 2L], Stored(first)); // activity, logging, trail
        Assert.Equal(8, await scan.CountAsync("audit_events"));
        Assert.Equal(
            ["activity azure/6e1d7b2f-8c3a-4d4e-8f9a-2b3c4d5e6f70/global", "logging gcp/prj-inc/*", "trail aws/111111111111/us-east-1"],
            await scan.CheckpointsAsync());

        var second = await scan.ScanAsync("aws", "azure", "gcp");

        var secondQueries = scan.Host.Counters.AuditQueries.Skip(firstQueries.Count).ToList();
        Assert.Equal(["activitylog", "cloudtrail", "logging"], secondQueries.Select(q => q.Service).Distinct().Order(StringComparer.Ordinal));
        foreach (var query in secondQueries)
        {
            // From where the first read ended, less the lag: not the thirty days of a first read.
            var firstEnd = firstQueries.Where(q => q.Service == query.Service).Max(q => q.To!.Value);
            Assert.InRange(query.From!.Value, firstEnd - Lag[query.Service] - TimeSpan.FromSeconds(1), firstEnd - Lag[query.Service] + TimeSpan.FromSeconds(1));
            Assert.True(query.To > Now.Add(FirstScan).AddHours(1), $"{query.Service} read to {query.To}");
        }

        // The recent events are read again (they lie in the overlap) but only the new ones are stored.
        Assert.Equal([2L, 1L, 1L], Stored(second));
        Assert.All(second.Audit.Sources.Where(s => s.Scope is null), s => Assert.True(s.Matched > s.Stored, $"{s.Source} matched {s.Matched}"));
        Assert.Equal(12, await scan.CountAsync("audit_events"));
        Assert.Equal(1, await scan.CountAsync("audit_events", "event_key = 'inc-aws-1'"));
        Assert.Equal(3, (await scan.CheckpointsAsync()).Count);
    }

    [Fact]
    public async Task Files_read_again_whole_store_no_duplicate()
    {
        await using var scan = await StartAsync(AuditScan.World(), ("Sources:0:Name", "trail-files"), ("Sources:0:Type", "files"));
        var logs = Directory.CreateDirectory(Path.Combine(scan.Folder, "logs")).FullName;
        scan.Configure(("Audit:Sources:0:Paths:0", logs));
        const string Template = """
            {"eventVersion":"1.10","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111111111111:user/ops","accountId":"111111111111"},"eventTime":"TIME","eventSource":"ec2.amazonaws.com","eventName":"CreateTrafficMirrorSession","awsRegion":"us-east-1","sourceIPAddress":"198.51.100.#","requestParameters":{"CreateTrafficMirrorSessionRequest":{"SessionNumber":#}},"responseElements":{"CreateTrafficMirrorSessionResponse":{"trafficMirrorSession":{"trafficMirrorSessionId":"tms-0f000000000000000#","tagSet":"","virtualNetworkId":#}}},"eventID":"file-#","recipientAccountId":"111111111111"}
            """;
        var records = string.Join(",\n", Enumerable.Range(1, 3).Select(i =>
            Template.Replace("TIME", At(TimeSpan.FromDays(-i)), StringComparison.Ordinal).Replace("#", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
        var file = Path.Combine(logs, "111111111111_CloudTrail_us-east-1.json");
        await File.WriteAllTextAsync(file, $"{{\"Records\":[{records}]}}");

        var first = await scan.ScanAsync("aws");
        var unchanged = await scan.ScanAsync("aws");
        File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddMinutes(1));
        File.Copy(file, Path.Combine(logs, "copy-of-the-same-day.json"));
        var rewritten = await scan.ScanAsync("aws");

        Assert.Equal((3L, 3L), Whole(first));
        Assert.Equal((0L, 0L), Whole(unchanged));
        Assert.Equal((6L, 0L), Whole(rewritten)); // both files read whole, nothing stored twice
        Assert.Equal(3, await scan.CountAsync("audit_events"));
        Assert.Equal(2, await scan.CountAsync("audit_checkpoints", "source = 'trail-files'"));
    }

    private static long[] Stored(AuditScanResult scan) =>
        [.. scan.Audit.Sources.Where(s => s.Scope is null).OrderBy(s => s.Source, StringComparer.Ordinal).Select(s => s.Stored)];

    private static (long Matched, long Stored) Whole(AuditScanResult scan) =>
        Assert.Single(scan.Audit.Sources, s => s.Scope is null) is var s ? (s.Matched, s.Stored) : default;
}
