using PostureScan.Core.Attribution;

namespace PostureScan.Core.Audit.Ingestion;

/// <summary>
/// The audit side of a run, saved with it in one transaction: the events read for the first time, the
/// new checkpoints, what each source read, and the attribution computed.
/// </summary>
public sealed record AuditRunRecord(
    IReadOnlyList<StoredAuditEvent> NewEvents,
    IReadOnlyList<SourceCheckpoint> Checkpoints,
    IReadOnlyList<AuditSourceStatus> Sources,
    AttributionReport Report);
