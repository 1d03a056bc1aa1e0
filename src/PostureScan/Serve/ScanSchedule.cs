using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace PostureScan.Serve;

/// <summary>
/// Puts the scan job and its cron trigger into the (persistent) job store at start-up. A stored trigger with
/// the same cron and time zone is left untouched: replacing it would forget its next fire time, and with it
/// a scan missed while the service was down.
/// </summary>
internal sealed partial class ScanSchedule(ISchedulerFactory factory, ServeSettings settings, TimeProvider time, ILogger<ScanSchedule> logger)
    : IHostedService
{
    public static readonly TriggerKey TriggerKey = new("scan-cron", "posturescan");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var zone = ServeSchedule.TimeZone(settings);
        if (await scheduler.GetTrigger(TriggerKey, cancellationToken) is ICronTrigger stored
            && string.Equals(stored.CronExpressionString, settings.ScanCron, StringComparison.Ordinal)
            && string.Equals(stored.TimeZone.Id, zone.Id, StringComparison.Ordinal))
        {
            Kept(logger, settings.ScanCron, zone.Id, stored.NextFireTimeUtc);
            return;
        }

        var job = JobBuilder.Create<ScanJob>().WithIdentity(ScanJob.Key).StoreDurably().RequestRecovery().Build();
        await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);
        var trigger = ServeSchedule.CronTrigger(settings, zone, time);
        await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, cancellationToken);
        Scheduled(logger, settings.ScanCron, zone.Id, trigger.NextFireTimeUtc);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Scan schedule kept from the store: '{Cron}' in {TimeZone}, next at {Next}")]
    private static partial void Kept(ILogger logger, string cron, string timeZone, DateTimeOffset? next);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Scan scheduled: '{Cron}' in {TimeZone}, next at {Next}")]
    private static partial void Scheduled(ILogger logger, string cron, string timeZone, DateTimeOffset? next);
}
