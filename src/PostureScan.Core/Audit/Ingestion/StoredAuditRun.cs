using PostureScan.Core.Attribution;

namespace PostureScan.Core.Audit.Ingestion;

/// <summary>The audit side of a stored run, as read back: what each source read and the attribution report.</summary>
public sealed record StoredAuditRun(string RunId, IReadOnlyList<AuditSourceStatus> Sources, AttributionReport Report)
{
    /// <summary>The attribution of one session of the run (ids compared without case), or null.</summary>
    public SessionAttribution? Session(string sessionId) =>
        Report.Sessions.FirstOrDefault(s => string.Equals(s.SessionId, sessionId, StringComparison.OrdinalIgnoreCase));
}
