using PostureScan.Core.Findings;

namespace PostureScan.Core.Attribution;

/// <summary>
/// The correlator's answer for one run: each session with its parts, mirrors seen only in the logs
/// (created and deleted), failed mirror calls, and which audit scopes could be read.
/// </summary>
public sealed record AttributionReport(
    IReadOnlyList<SessionAttribution> Sessions,
    IReadOnlyList<MirrorLifetime> DeletedMirrors,
    IReadOnlyList<FailedMirrorAttempt> FailedAttempts,
    IReadOnlyList<AuditScopeStatus> Scopes)
{
    /// <summary>The report as the policy evaluator reads it: every part's attribution, flattened.</summary>
    public AuditEvidence ToEvidence() => new(
        Scopes,
        [.. Sessions.SelectMany(s => s.Parts).Select(p => p.Attribution).DistinctBy(a => a.ResourceId, StringComparer.OrdinalIgnoreCase)],
        FailedAttempts,
        DeletedMirrors);
}
