using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PostureScan.Storage;
using Quartz;

namespace PostureScan.Serve;

/// <summary>
/// Puts serve's jobs and cron triggers into the (persistent) job store at start-up, then resumes any run left
/// open by a stop or a crash. A stored cron trigger with the same cron and time zone is left untouched:
/// replacing it would forget its next fire time, and with it a firing missed while the service was down.
/// </summary>
internal sealed partial class ScanSchedule(
    ISchedulerFactory factory,
    ServeSettings settings,
    AuditSourceFactory auditSources,
    StagedRunResumer resumer,
    TimeProvider time,
    ILogger<ScanSchedule> logger) : IHostedService
{
    public static readonly TriggerKey TriggerKey = ServeJobKeys.ScanCron;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Compiled now rather than during this node's first commit, which reads a whole run's sessions at once.
        StoredSessionWarmUp.Run();
        var scheduler = await factory.GetScheduler(cancellationToken);
        var zone = ServeSchedule.TimeZone(settings);

        await AddJobAsync<CommitJob>(scheduler, ServeJobKeys.Commit, null, cancellationToken);
        await AddJobAsync<ReportJob>(scheduler, ServeJobKeys.Report, null, cancellationToken);
        await EnsureCronAsync<ScanJob>(scheduler, ServeJobKeys.Scan, TriggerKey, settings.ScanCron, zone, CronTriggerMisfireInstruction.FireAndProceed, null, cancellationToken);

        if (settings.NightlyReportPath is null)
        {
            await scheduler.UnscheduleJob(ServeJobKeys.NightlyReportCron, cancellationToken);
        }
        else
        {
            await EnsureCronAsync<ReportJob>(scheduler, ServeJobKeys.Report, ServeJobKeys.NightlyReportCron, settings.NightlyReportCron, zone, CronTriggerMisfireInstruction.FireAndProceed, null, cancellationToken);
        }

        // One ingestion job per configured source; jobs of sources no longer configured are removed.
        var names = auditSources.Create().Select(s => s.Name).ToList();
        var wanted = names.Select(ServeJobKeys.IngestJob).ToHashSet();
        var stored = await scheduler.QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(ServeJobKeys.AuditGroup), Take = PagedQuery.All }, cancellationToken);
        foreach (var stale in stored.Items.Select(j => j.Key).Where(k => !wanted.Contains(k)))
        {
            await scheduler.DeleteJob(stale, cancellationToken);
        }

        foreach (var name in names)
        {
            await EnsureCronAsync<AuditIngestJob>(
                scheduler, ServeJobKeys.IngestJob(name), ServeJobKeys.IngestCron(name), settings.IngestCron, zone,
                CronTriggerMisfireInstruction.DoNothing, new JobDataMap { [ServeJobKeys.Source] = name }, cancellationToken);
        }

        // Before the resumer looks for firings: a run left open by an older build has its pending scopes' firings in
        // the retired group, which no longer runs; removed, they are fired again as account jobs.
        var retired = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ServeJobKeys.RetiredScopeGroup), cancellationToken);
        if (retired.Count > 0)
        {
            await scheduler.DeleteJobs(retired, cancellationToken);
            RetiredJobsRemoved(logger, retired.Count, ServeJobKeys.RetiredScopeGroup);
        }

        await resumer.ResumeAsync(scheduler, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task AddJobAsync<TJob>(IScheduler scheduler, JobKey key, JobDataMap? data, CancellationToken cancellationToken)
        where TJob : IJob
    {
        var job = JobBuilder.Create<TJob>().WithIdentity(key).UsingJobData(data ?? []).StoreDurably().RequestRecovery().Build();
        await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);
    }

    private async Task EnsureCronAsync<TJob>(
        IScheduler scheduler, JobKey job, TriggerKey key, string cron, TimeZoneInfo zone, CronTriggerMisfireInstruction misfire, JobDataMap? data, CancellationToken cancellationToken)
        where TJob : IJob
    {
        if (await scheduler.GetTrigger(key, cancellationToken) is ICronTrigger storedTrigger
            && string.Equals(storedTrigger.CronExpressionString, cron, StringComparison.Ordinal)
            && string.Equals(storedTrigger.TimeZone.Id, zone.Id, StringComparison.Ordinal)
            && await scheduler.Exists(job, cancellationToken))
        {
            Kept(logger, key.Name, cron, zone.Id, storedTrigger.NextFireTimeUtc);
            return;
        }

        await AddJobAsync<TJob>(scheduler, job, data, cancellationToken);
        var trigger = ServeSchedule.CronTrigger(key, job, cron, zone, time, misfire);
        await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, cancellationToken);
        Scheduled(logger, key.Name, cron, zone.Id, trigger.NextFireTimeUtc);
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Schedule {Trigger} kept from the store: '{Cron}' in {TimeZone}, next at {Next}")]
    private static partial void Kept(ILogger logger, string trigger, string cron, string timeZone, DateTimeOffset? next);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Schedule {Trigger} set: '{Cron}' in {TimeZone}, next at {Next}")]
    private static partial void Scheduled(ILogger logger, string trigger, string cron, string timeZone, DateTimeOffset? next);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "Removed {Jobs} job(s) of the retired group {Group} (a job per scope, replaced by a job per account)")]
    private static partial void RetiredJobsRemoved(ILogger logger, int jobs, string group);
}
