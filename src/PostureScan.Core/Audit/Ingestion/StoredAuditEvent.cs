namespace PostureScan.Core.Audit.Ingestion;

/// <summary>An audit event as kept in the store: its key (see <see cref="AuditEventKeys"/>) and the source that read it first.</summary>
public sealed record StoredAuditEvent(string Key, string Source, AuditEvent Event)
{
    public static StoredAuditEvent Of(string source, AuditEvent e) => new(AuditEventKeys.Of(e), source, e);
}
