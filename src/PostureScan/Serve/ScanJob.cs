using Microsoft.Extensions.Hosting;
using Quartz;

namespace PostureScan.Serve;

/// <summary>
/// The Quartz adapter of <see cref="ScheduledScan"/>. Never two at once: two runs of the same scopes would
/// race for the same "previous findings" and double the cloud calls.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ScanJob(ScheduledScan scan, IHostApplicationLifetime lifetime) : IJob
{
    public static readonly JobKey Key = new("scan", "posturescan");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Shutdown abandons the scan rather than holding SIGTERM for the length of a whole estate;
        // the run is saved whole at the end or not at all.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        await scan.RunAsync(linked.Token);
    }
}
