using PostureScan.Cli;
using Quartz;

namespace PostureScan.Serve;

/// <summary>The scan trigger built from configuration, with configuration mistakes reported as usage errors.</summary>
internal static class ServeSchedule
{
    public static TimeZoneInfo TimeZone(ServeSettings settings) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZone, out var zone)
            ? zone
            : throw new UsageException($"Serve:TimeZone '{settings.TimeZone}' is not a known time zone");

    public static void Validate(ServeSettings settings)
    {
        if (!CronExpression.TryParse(settings.ScanCron, out _))
        {
            throw new UsageException($"Serve:ScanCron '{settings.ScanCron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week)");
        }

        _ = TimeZone(settings);
        if (settings.MetricsPort is < 0 or > 65535)
        {
            throw new UsageException($"Serve:MetricsPort {settings.MetricsPort} is not a port number");
        }
    }

    /// <summary>
    /// A missed scan (the service was down at its time) fires once as soon as the scheduler is back, then
    /// the schedule proceeds: one catch-up run, never one per missed night.
    /// </summary>
    public static ITrigger CronTrigger(ServeSettings settings, TimeZoneInfo zone, TimeProvider time) =>
        TriggerBuilder.Create(time)
            .WithIdentity(ScanSchedule.TriggerKey)
            .ForJob(ScanJob.Key)
            .StartAt(time.GetUtcNow())
            .WithSchedule(CronScheduleBuilder.Create(settings.ScanCron)
                .InTimeZone(zone)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
}
