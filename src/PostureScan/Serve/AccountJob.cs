using Quartz;

namespace PostureScan.Serve;

/// <summary>
/// The Quartz adapter of <see cref="ScopeCollector"/>: one durable job per provider and account, fired once per run
/// with the account's scopes of that run. Never two at once for one account (two collections of a scope would race
/// to stage it); recovered if its node dies.
/// </summary>
/// <remarks>
/// A job per account rather than per scope: on a cluster, each firing of a job that may not overlap itself costs two
/// turns of the job store's lock, which every node waits on, and with a job per scope those turns capped two nodes at
/// 1.5 times one (bench/README.md, sixteenth round). An account's scopes share its credentials, and they still
/// succeed, fail and are staged one by one.
/// </remarks>
[DisallowConcurrentExecution]
internal sealed class AccountJob(ScopeCollector collector) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;

        // Shutdown cancels the token (ServeHost: ShutdownJobInterruption) rather than wait for a slow cloud; the
        // collection then ends in OperationCanceledException, and Quartz hands the firing back for recovery.
        await collector.CollectAccountAsync(
            context.Scheduler, data.GetString(ServeJobKeys.RunId)!, ServeJobKeys.ReadScopes(data), context.Recovering, cancellationToken);
    }
}
