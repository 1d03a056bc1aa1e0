using PostureScan.Core.Attribution;

namespace PostureScan.Core.Audit.Ingestion;

/// <summary>What ingestion gathered for a run: what is new, and everything the correlator needs.</summary>
/// <param name="NewEvents">Events not stored before (write events only: reads say nothing about who made a mirror).</param>
/// <param name="AllEvents">The stored events and the new ones, each once.</param>
/// <param name="Coverage">Per source and scope: the window covered so far, or this run's failure.</param>
public sealed record AuditIngestion(
    IReadOnlyList<StoredAuditEvent> NewEvents,
    IReadOnlyList<AuditEvent> AllEvents,
    IReadOnlyList<SourceCheckpoint> Checkpoints,
    IReadOnlyList<AuditSourceStatus> Sources,
    IReadOnlyList<AuditCoverage> Coverage)
{
    public AuditRunRecord ToRecord(AttributionReport report) => new(NewEvents, Checkpoints, Sources, report);
}
