using Quartz;

namespace PostureScan.Serve;

/// <summary>
/// The Quartz adapter of <see cref="ReportPublisher"/>, fired after each commit and by the nightly cron.
/// One at a time, so two writes of the same file never interleave.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ReportJob(ReportPublisher publisher) : IJob
{
    public static async Task FireAsync(IScheduler scheduler, string kind, TimeProvider time, CancellationToken cancellationToken) =>
        await scheduler.ScheduleTrigger(
            ServeSchedule.Now(new TriggerKey($"{kind}-report|{Guid.NewGuid():N}", ServeJobKeys.Group), ServeJobKeys.Report, new JobDataMap { [ServeJobKeys.ReportKind] = kind }, time),
            TriggerConflict.Throw,
            cancellationToken);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var kind = context.MergedJobDataMap.GetString(ServeJobKeys.ReportKind) ?? ServeJobKeys.NightlyReport;
        await publisher.PublishAsync(kind, context.ScheduledFireTimeUtc ?? context.FireTimeUtc, cancellationToken);
    }
}
