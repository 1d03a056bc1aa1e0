using Microsoft.Extensions.Hosting;
using Quartz;

namespace PostureScan.Serve;

/// <summary>
/// The Quartz adapter of <see cref="ScanPlanner"/>: the scan cron fires it, and it fans the run out into scope
/// jobs. Never two at once: two plans started together would both find no open run and start two runs.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ScanJob(ScanPlanner planner, IHostApplicationLifetime lifetime) : IJob
{
    public static readonly JobKey Key = ServeJobKeys.Scan;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        await planner.StartAsync(context.Scheduler, linked.Token);
    }
}
