using PostureScan.Core.Inventory;
using Quartz;

namespace PostureScan.Serve;

/// <summary>
/// The Quartz adapter of <see cref="ScopeCollector"/>: one durable job per scope, fired once per run. Never two
/// at once for one scope (two collections would race to stage the same scope); recovered if its node dies.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ScopeJob(ScopeCollector collector) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var scope = new Scope(data.GetString(ServeJobKeys.Provider)!, data.GetString(ServeJobKeys.Account)!, data.GetString(ServeJobKeys.Region)!);

        // Shutdown cancels the token (ServeHost: ShutdownJobInterruption) rather than wait for a slow cloud; the
        // collection then ends in OperationCanceledException, and Quartz hands the firing back for recovery.
        await collector.CollectAsync(context.Scheduler, data.GetString(ServeJobKeys.RunId)!, scope, context.Recovering, cancellationToken);
    }
}
