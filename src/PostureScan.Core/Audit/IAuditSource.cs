namespace PostureScan.Core.Audit;

/// <summary>
/// One configured audit-log source (CloudTrail LookupEvents or S3 archive, Azure Activity Log, GCP Cloud
/// Logging, files). A source reads the mirror-related events newer than its checkpoints and says what it
/// covered, so attribution can tell "no create event in the window" from "the source could not be read".
/// </summary>
public interface IAuditSource
{
    /// <summary>The configured name, unique among the sources; checkpoints are stored under it.</summary>
    string Name { get; }

    /// <summary>The provider whose scopes the events belong to, one of <c>Providers</c>, or "mixed" for files.</summary>
    string Provider { get; }

    /// <summary>
    /// Streams each mirror-related event (as the audit readers normalise it, failed attempts included) to
    /// <paramref name="onEvent"/>. Provider errors become <see cref="AuditSourceResult.Failure"/> or a failed
    /// <see cref="AuditScopeRead"/>, never an exception: an audit source that is down must not fail the
    /// inventory. Only cancellation is thrown.
    /// </summary>
    Task<AuditSourceResult> ReadAsync(AuditReadRequest request, Action<AuditEvent> onEvent, CancellationToken cancellationToken);
}
