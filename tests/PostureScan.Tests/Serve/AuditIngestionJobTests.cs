using Microsoft.Extensions.Time.Testing;
using PostureScan.Core.Audit;
using PostureScan.Serve;
using PostureScan.TestKit;

namespace PostureScan.Tests.Serve;

/// <summary>The audit ingestion job of each source, between scans, on its own cron.</summary>
public sealed class AuditIngestionJobTests
{
    // Off the ten-minute marks: a cron trigger starting on one of its own fire times fires at once.
    private static readonly DateTimeOffset Evening = new(2026, 11, 26, 23, 1, 0, TimeSpan.Zero);

    [Fact]
    public async Task Each_source_is_ingested_at_its_cron_between_scans_and_a_second_read_stores_nothing_twice()
    {
        using var dir = new TemporaryDirectory();
        var log = dir.File("trail.json");
        await File.WriteAllTextAsync(log, """
            {"Records":[{"eventVersion":"1.09","eventTime":"2026-11-26T21:14:03Z","eventSource":"ec2.amazonaws.com",
              "eventName":"CreateTrafficMirrorSession","awsRegion":"eu-west-1","sourceIPAddress":"203.0.113.9",
              "userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/ops","accountId":"111122223333"},
              "eventID":"5c1b1c52-0000-4000-8000-000000000001","recipientAccountId":"111122223333",
              "requestParameters":{"CreateTrafficMirrorSessionRequest":{"NetworkInterfaceId":"eni-0a1"}},
              "responseElements":{"CreateTrafficMirrorSessionResponse":{"trafficMirrorSession":{"trafficMirrorSessionId":"tms-0a1"}}}}]}
            """);
        var clock = new FakeTimeProvider(Evening);
        var audit = new AuditSourceFactory(() => [new FileAuditSource("trail-files", [log])], TimeSpan.FromDays(90));
        await using var host = await ServeTestHost.StartAsync(
            dir.File("serve.db"), clock, new ControlledSource(), configure: s => s.IngestCron = "0 */10 * * * ?", audit: audit);

        // 23:10 is an ingestion time and no scan time: the event is stored without a run.
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.True(await ServeTestHost.WaitUntilAsync(async () => (await host.Store.GetAuditEventsAsync(CancellationToken.None)).Count == 1));
        Assert.Empty(await host.Store.ListRunsAsync(CancellationToken.None));
        Assert.NotEmpty(await host.Store.GetCheckpointsAsync("trail-files", CancellationToken.None));

        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var once = await ServeTestHost.WaitUntilAsync(async () => Ingestions(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative))) == 1);
        Assert.True(once, await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
        await Task.Delay(300);
        clock.Advance(TimeSpan.FromMinutes(10));
        // Two ingestions counted (the second read finds nothing new, whatever outcome its source reports).
        Assert.True(await ServeTestHost.WaitUntilAsync(async () => Ingestions(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative))) == 2));
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("posturescan_audit_ingestions_total{source=\"trail-files\",outcome=\"complete\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("posturescan_audit_events_ingested_total{source=\"trail-files\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("posturescan_last_ingestion_timestamp_seconds{source=\"trail-files\"}", metrics, StringComparison.Ordinal);
        Assert.Single(await host.Store.GetAuditEventsAsync(CancellationToken.None));
    }

    private static long Ingestions(string metrics) =>
        metrics.Split('\n')
            .Where(l => l.StartsWith("posturescan_audit_ingestions_total{source=\"trail-files\"", StringComparison.Ordinal))
            .Sum(l => long.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
}
