using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Quartz;

namespace PostureScan.Serve;

/// <summary>/healthz (is the scheduler running) and /metrics (Prometheus text format).</summary>
internal static class OperationsEndpoints
{
    public const string MetricsContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static void Map(WebApplication app)
    {
        app.MapGet("/healthz", async (ISchedulerFactory factory, CancellationToken ct) =>
        {
            var status = await (await factory.GetScheduler(ct)).GetStatus(ct);
            return status == SchedulerStatus.Running
                ? Results.Text("ok\n")
                : Results.Text($"scheduler {status.ToString().ToLowerInvariant()}\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        // A store that cannot be read fails the scrape (500) rather than answering with gauges it could not check.
        app.MapGet("/metrics", async (ServeMetrics metrics, LatestRunGauges latest, CancellationToken ct) =>
            Results.Text(metrics.Render(await latest.ReadAsync(ct)), MetricsContentType));
    }
}
