using Quartz;

namespace PostureScan.Serve;

/// <summary>
/// The Quartz adapter of <see cref="RunCommitter"/>: evaluation and commit after each full scan. One at a
/// time (two commits would both read "the previous findings" before either stored its own); recovered if its
/// node dies.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class CommitJob(RunCommitter committer) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var late = context.ScheduledFireTimeUtc is { } due ? context.FireTimeUtc - due : TimeSpan.Zero;
        await committer.CommitAsync(context.Scheduler, context.MergedJobDataMap.GetString(ServeJobKeys.RunId)!, cancellationToken, late);
    }
}
