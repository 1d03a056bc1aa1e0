namespace PostureScan.Core.Audit.Matching;

/// <summary>The time window and kinds of events a detection reports; null bounds are open.</summary>
public sealed record AuditEventFilter(DateTimeOffset? Since = null, DateTimeOffset? Until = null, bool WritesOnly = false)
{
    public static AuditEventFilter All { get; } = new();

    public bool Includes(AuditEvent audit) =>
        (Since is null || audit.Time >= Since)
        && (Until is null || audit.Time <= Until)
        && (!WritesOnly || audit.IsWrite);
}
