namespace PostureScan.Core.Findings;

/// <summary>
/// What the audit logs said for this run: which audit scopes could be read, the attribution of each
/// inventoried resource (session, target, filter), failed mirror-creation attempts, and mirrors that were
/// created and deleted (seen only in the logs).
/// </summary>
public sealed record AuditEvidence(
    IReadOnlyList<AuditScopeStatus> Scopes,
    IReadOnlyList<Attribution.Attribution> Attributions,
    IReadOnlyList<FailedMirrorAttempt> FailedAttempts,
    IReadOnlyList<MirrorLifetime> DeletedMirrors);
