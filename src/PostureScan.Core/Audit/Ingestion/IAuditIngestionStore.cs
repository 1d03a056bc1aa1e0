namespace PostureScan.Core.Audit.Ingestion;

/// <summary>
/// Audit ingestion between scans: what a scheduled read of the audit sources found is stored without a
/// run, so the next scan's attribution starts from it and its checkpoints.
/// </summary>
public interface IAuditIngestionStore
{
    /// <summary>
    /// Stores the new events (an event already stored is kept as it is), advances the checkpoints and widens
    /// the coverage of the sources read, in one transaction. <paramref name="readId"/> names the read in
    /// place of a run id (events and checkpoints record who stored them).
    /// </summary>
    Task SaveIngestionAsync(string readId, AuditIngestion ingestion, CancellationToken cancellationToken);
}
