using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace PostureScan.Serve;

/// <summary>
/// The Quartz adapter of <see cref="ScheduledScan"/>. Never two at once: two runs of the same scopes would
/// race for the same "previous findings" and double the cloud calls.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class ScanJob(ScheduledScan scan, IHostApplicationLifetime lifetime, ILogger<ScanJob> logger) : IJob
{
    public static readonly JobKey Key = new("scan", "posturescan");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Shutdown abandons the scan rather than holding SIGTERM for the length of a whole estate;
        // the run is saved whole at the end or not at all.
        Started(logger, context.Scheduler.SchedulerInstanceId, context.Recovering);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        await scan.RunAsync(linked.Token);
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Scan job started on scheduler instance {Instance} (recovering: {Recovering})")]
    private static partial void Started(ILogger logger, string instance, bool recovering);
}
