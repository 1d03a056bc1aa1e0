namespace PostureScan.Serve;

/// <summary>The "Serve" configuration section: when to scan, and where the operations endpoints listen.</summary>
internal sealed class ServeSettings
{
    /// <summary>Quartz cron expression (seconds first) of the scheduled scan; 02:00 every night by default.</summary>
    public string ScanCron { get; set; } = "0 0 2 * * ?";

    /// <summary>The time zone the cron expression is read in (IANA or Windows id).</summary>
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

    /// <summary>"text" for one line per log entry, "json" for one JSON object per entry.</summary>
    public string LogFormat { get; set; } = "text";
}
