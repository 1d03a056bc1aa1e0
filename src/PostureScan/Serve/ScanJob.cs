using Microsoft.Extensions.Logging;
using Quartz;

namespace PostureScan.Serve;

/// <summary>
/// The Quartz adapter of <see cref="ScanPlanner"/>: the scan cron fires it, and it fans the run out into scope
/// jobs. Never two at once: two plans started together would both find no open run and start two runs.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class ScanJob(ScanPlanner planner, ILogger<ScanJob> logger) : IJob
{
    public static readonly JobKey Key = ServeJobKeys.Scan;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        Started(logger, context.Scheduler.SchedulerInstanceId, context.Recovering);
        await planner.StartAsync(context.Scheduler, context.Recovering, cancellationToken);
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Scan job started on scheduler instance {Instance} (recovering: {Recovering})")]
    private static partial void Started(ILogger logger, string instance, bool recovering);
}
