namespace PostureScan.Serve;

/// <summary>The "Serve" configuration section: when to scan, and where the operations endpoints listen.</summary>
internal sealed class ServeSettings
{
    /// <summary>Quartz cron expression (seconds first) of the scheduled scan; 02:00 every night by default.</summary>
    public string ScanCron { get; set; } = "0 0 2 * * ?";

    /// <summary>Quartz cron of the audit ingestion between scans, one job per configured audit source; hourly by default.</summary>
    public string IngestCron { get; set; } = "0 15 * * * ?";

    /// <summary>Quartz cron of the nightly report; written only when <see cref="NightlyReportPath"/> is set.</summary>
    public string NightlyReportCron { get; set; } = "0 0 6 * * ?";

    /// <summary>Where the nightly report goes; "{date}" in it becomes the night's date (yyyy-MM-dd in <see cref="TimeZone"/>).</summary>
    public string? NightlyReportPath { get; set; }

    /// <summary>Where the report of each committed scan goes (replaced each time); none means no report after a scan.</summary>
    public string? ReportPath { get; set; }

    /// <summary>The format of both reports: html, md or json.</summary>
    public string ReportFormat { get; set; } = "html";

    /// <summary>
    /// How long a run may stay open (scopes still pending) before the next firing closes it, its pending
    /// scopes stored as failed: a lost account job must not hold the schedule for ever.
    /// </summary>
    public int RunTimeoutMinutes { get; set; } = 360;

    /// <summary>The time zone the cron expressions are read in (IANA or Windows id).</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>A policy file every scheduled run is evaluated against; none means inventory only.</summary>
    public string? Policy { get; set; }

    /// <summary>The address /healthz and /metrics listen on; loopback unless an operator opens it up.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>The port of /healthz and /metrics (9464 is the usual Prometheus exporter port).</summary>
    public int MetricsPort { get; set; } = 9464;

    /// <summary>
    /// Cluster mode (Store:Database postgres): how often a node checks in. A node silent for twice this long
    /// is taken for dead, and another node recovers the jobs it was running.
    /// </summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>
    /// Triggers a node acquires and fires in one turn of the job store's lock (no more than it has idle scope
    /// slots). One by default, for a cluster: a batch holds the lock for the whole turn and the other nodes wait
    /// on it. A single node waits on nobody, and with a job per scope, fewer turns per scope made one node on
    /// PostgreSQL about 30% faster at 8 (bench/README.md, eleventh round). At most the jobs a node runs at once,
    /// account jobs and the rest (Scan:MaxConcurrency + 3).
    /// </summary>
    public int TriggerBatchSize { get; set; } = 1;

    /// <summary>"text" for one line per log entry, "json" for one JSON object per entry.</summary>
    public string LogFormat { get; set; } = "text";
}
