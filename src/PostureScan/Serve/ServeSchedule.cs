using PostureScan.Cli;
using PostureScan.Hosting;
using Quartz;

namespace PostureScan.Serve;

/// <summary>The scan trigger built from configuration, with configuration mistakes reported as usage errors.</summary>
internal static class ServeSchedule
{
    public static TimeZoneInfo TimeZone(ServeSettings settings) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZone, out var zone)
            ? zone
            : throw new SettingException("Serve:TimeZone", $"'{settings.TimeZone}' is not a known time zone");

    /// <summary>
    /// Quartz's worker threads on a node: account jobs side by side up to the scan's concurrency (an account of one scope, as
    /// an Azure subscription or a Cisco device is, fills one slot; the scopes of larger accounts queue for the node's
    /// <see cref="ScopeSlots"/>), with room for commit, report and ingestion.
    /// </summary>
    public static int Threads(ScanSettings scan) => Math.Max(1, scan.MaxConcurrency) + 3;

    /// <summary>Refuses settings that bind but cannot be used; each refusal names its key (see <see cref="SettingException"/>).</summary>
    public static void Validate(ServeSettings settings, ScanSettings scan)
    {
        foreach (var (key, cron) in new[] { ("ScanCron", settings.ScanCron), ("IngestCron", settings.IngestCron), ("NightlyReportCron", settings.NightlyReportCron) })
        {
            if (!CronExpression.TryParse(cron, out _))
            {
                throw new SettingException($"Serve:{key}", $"'{cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week)");
            }
        }

        if (PostureScan.Reporting.ReportWriters.Find(PostureScan.Reporting.ReportWriters.Reports, settings.ReportFormat) is null)
        {
            throw new SettingException("Serve:ReportFormat", $"'{settings.ReportFormat}' is not one of html, md, json");
        }

        if (settings.RunTimeoutMinutes < 1)
        {
            throw new SettingException("Serve:RunTimeoutMinutes", $"{settings.RunTimeoutMinutes} must be at least 1");
        }

        _ = TimeZone(settings);
        if (settings.MetricsPort is < 0 or > 65535)
        {
            throw new SettingException("Serve:MetricsPort", $"{settings.MetricsPort} is not a port number");
        }

        if (!System.Net.IPAddress.TryParse(settings.ListenAddress, out _))
        {
            throw new SettingException("Serve:ListenAddress", $"'{settings.ListenAddress}' is not an IP address (127.0.0.1 for loopback, 0.0.0.0 for every interface)");
        }

        if (settings.LogFormat is not { } format || !(format.Equals("text", StringComparison.OrdinalIgnoreCase) || format.Equals("json", StringComparison.OrdinalIgnoreCase)))
        {
            throw new SettingException("Serve:LogFormat", $"'{settings.LogFormat}' is neither text nor json");
        }

        // Quartz declares a node dead after twice the interval without a check-in: too short and a busy node's jobs
        // are recovered while they still run, too long and a dead node's jobs wait.
        if (settings.ClusterCheckinInterval < TimeSpan.FromSeconds(1) || settings.ClusterCheckinInterval > TimeSpan.FromMinutes(10))
        {
            throw new SettingException("Serve:ClusterCheckinInterval", $"{settings.ClusterCheckinInterval} must be between 00:00:01 and 00:10:00");
        }

        var threads = Threads(scan);
        if (settings.TriggerBatchSize < 1 || settings.TriggerBatchSize > threads)
        {
            throw new SettingException(
                "Serve:TriggerBatchSize", $"{settings.TriggerBatchSize} must be between 1 and {threads} (Scan:MaxConcurrency + 3, the jobs a node runs at once)");
        }
    }

    /// <summary>
    /// A cron trigger of <paramref name="job"/> read in <paramref name="zone"/>. The misfire instruction is the
    /// caller's deliberate choice: a missed scan or nightly report fires once at start-up (FireAndProceed),
    /// a missed ingestion is skipped (DoNothing), since the next one reads on from the checkpoints anyway.
    /// </summary>
    public static ITrigger CronTrigger(
        TriggerKey key, JobKey job, string cron, TimeZoneInfo zone, TimeProvider time, CronTriggerMisfireInstruction misfireInstruction) =>
        TriggerBuilder.Create(time)
            .WithIdentity(key)
            .ForJob(job)
            .StartAt(time.GetUtcNow())
            .WithSchedule(CronScheduleBuilder.Create(cron).InTimeZone(zone).WithMisfireInstruction(misfireInstruction))
            .Build();

    /// <summary>
    /// A one-off firing of <paramref name="job"/> now with <paramref name="data"/>; late (after downtime, or behind a
    /// run's other account jobs) it fires as soon as it can. It ignores the misfire policy rather than asking to fire
    /// now once misfired: a run's scope triggers queue for longer than the misfire threshold (60 s) on any large
    /// estate, and Quartz leaves misfired triggers out of acquisition until its misfire handler, a few at a time,
    /// has moved them, which slowed a 2,040-scope run to a few scopes a second.
    /// </summary>
    public static ITrigger Now(TriggerKey key, JobKey job, JobDataMap data, TimeProvider time) =>
        TriggerBuilder.Create(time)
            .WithIdentity(key)
            .ForJob(job)
            .UsingJobData(data)
            .StartAt(time.GetUtcNow())
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.IgnoreMisfires))
            .Build();
}
