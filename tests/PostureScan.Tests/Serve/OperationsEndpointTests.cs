using System.Net;
using Microsoft.Extensions.Time.Testing;
using PostureScan.Core.Findings;
using PostureScan.Serve;
using PostureScan.Storage;
using PostureScan.TestKit;

namespace PostureScan.Tests.Serve;

/// <summary>/healthz and /metrics answer on loopback, and the metrics follow the stored runs.</summary>
public sealed class OperationsEndpointTests
{
    private static readonly DateTimeOffset Evening = new(2026, 11, 26, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Healthz_and_metrics_answer_on_loopback_with_the_expected_series()
    {
        using var dir = new TemporaryDirectory();
        var clock = new FakeTimeProvider(Evening);
        await using var host = await ServeTestHost.StartAsync(dir.File("serve.db"), clock, new ControlledSource());
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        Assert.Equal("127.0.0.1", host.BaseAddress.Host);

        var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok", (await health.Content.ReadAsStringAsync()).Trim());

        var before = await MetricsScrape.ReadAsync(http);
        Assert.Equal(0, before["posturescan_scans_total{outcome=\"complete\"}"]);
        Assert.False(before.ContainsKey("posturescan_last_successful_scan_timestamp_seconds"));

        clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(1, await host.WaitForRunsAsync(1));

        var after = await MetricsScrape.ReadAsync(http);
        Assert.Equal(1, after["posturescan_scans_total{outcome=\"complete\"}"]);
        Assert.Equal(0, after["posturescan_scans_total{outcome=\"partial\"}"]);
        Assert.Equal(2, after["posturescan_scopes_total{status=\"ok\"}"]);
        Assert.Equal(0, after["posturescan_scopes_total{status=\"failed\"}"]);
        Assert.Equal(6, after["posturescan_api_calls_total"]);
        Assert.Equal(0, after["posturescan_scopes_abandoned_total"]);
        Assert.Equal(0, after["posturescan_scans_total{outcome=\"skipped\"}"]);
        foreach (var severity in new[] { "info", "low", "medium", "high", "critical" })
        {
            Assert.True(after.ContainsKey($"posturescan_findings{{severity=\"{severity}\"}}"), severity);
        }

        var nightly = new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        Assert.Equal(nightly, after["posturescan_last_successful_scan_timestamp_seconds"], precision: 0);
    }

    [Fact]
    public async Task The_latest_run_gauges_show_runs_another_writer_stored_once_the_cached_read_is_older_than_its_bound()
    {
        using var dir = new TemporaryDirectory();
        var clock = new FakeTimeProvider(Evening);
        await using var host = await ServeTestHost.StartAsync(dir.File("serve.db"), clock, new ControlledSource());
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        Assert.False((await MetricsScrape.ReadAsync(http)).ContainsKey("posturescan_last_run_timestamp_seconds"));

        // Another node of a cluster, as far as this one can tell: the runs reach the store without this host.
        var complete = Some.Run(startedAt: Evening.AddHours(-5), scopes: [Some.ScopeOk()], sessions: []);
        var partial = Some.Run(startedAt: Evening.AddHours(-2));
        await using (var other = await SqliteRunStore.OpenAsync(dir.File("serve.db"), TimeProvider.System, CancellationToken.None))
        {
            await other.SaveRunAsync(complete, Some.Evaluation(
                complete,
                Some.Finding(severity: Severity.Critical),
                Some.Finding(severity: Severity.High, status: FindingStatus.Open),
                Some.Finding(severity: Severity.High),
                Some.Finding(severity: Severity.Low, status: FindingStatus.Resolved)), CancellationToken.None);
            await other.SaveRunAsync(partial, CancellationToken.None);
        }

        Assert.False((await MetricsScrape.ReadAsync(http)).ContainsKey("posturescan_last_run_timestamp_seconds"));
        clock.Advance(LatestRunGauges.MaxAge);
        var after = await MetricsScrape.ReadAsync(http);

        Assert.Equal(partial.FinishedAt.ToUnixTimeMilliseconds() / 1000.0, after["posturescan_last_run_timestamp_seconds"], precision: 3);
        Assert.Equal(complete.FinishedAt.ToUnixTimeMilliseconds() / 1000.0, after["posturescan_last_successful_scan_timestamp_seconds"], precision: 3);
        Assert.Equal(1, after["posturescan_findings{severity=\"critical\"}"]);
        Assert.Equal(2, after["posturescan_findings{severity=\"high\"}"]);
        Assert.Equal(0, after["posturescan_findings{severity=\"low\"}"]);
        Assert.Equal(0, after["posturescan_scans_total{outcome=\"complete\"}"]); // counters count this node's own work
    }

    [Fact]
    public async Task Healthz_reports_unavailable_once_the_scheduler_has_stopped()
    {
        using var dir = new TemporaryDirectory();
        var clock = new FakeTimeProvider(Evening);
        await using var host = await ServeTestHost.StartAsync(dir.File("serve.db"), clock, new ControlledSource());
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var scheduler = await host.SchedulerAsync();
        await scheduler.Standby();

        var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }
}
