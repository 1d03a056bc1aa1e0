using PostureScan.Core.Findings;
using PostureScan.Core.Scanning;

namespace PostureScan.Core.Audit.Ingestion;

/// <summary>
/// Where audit events, checkpoints and attributions are kept. Events are stored once each (by key);
/// checkpoints and coverage advance only when the run they were read in is committed.
/// </summary>
public interface IAuditStore
{
    Task<IReadOnlyList<AuditCheckpoint>> GetCheckpointsAsync(string source, CancellationToken cancellationToken);

    /// <summary>Every stored audit event, oldest first.</summary>
    Task<IReadOnlyList<AuditEvent>> GetAuditEventsAsync(CancellationToken cancellationToken);

    /// <summary>The windows each source has covered, per scope, over every committed run.</summary>
    Task<IReadOnlyList<AuditCoverageWindow>> GetCoverageAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Saves the run, its evaluation and its audit side in one transaction: new events (an event already
    /// stored is kept as it is), checkpoints, coverage and attribution.
    /// </summary>
    Task SaveRunAsync(ScanRun run, PolicyEvaluation? evaluation, AuditRunRecord? audit, CancellationToken cancellationToken);

    /// <summary>The audit side of a stored run, or null when the run read no audit source (or does not exist).</summary>
    Task<StoredAuditRun?> GetAuditRunAsync(string runId, CancellationToken cancellationToken);
}
