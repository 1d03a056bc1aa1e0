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
        app.MapGet("/metrics", (ServeMetrics metrics) => Results.Text(metrics.Render(), MetricsContentType));
    }
}
