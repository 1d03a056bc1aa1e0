namespace PostureScan.Core.Attribution;

/// <summary>One audit event that created, modified or deleted a mirror or one of its parts.</summary>
/// <param name="Action">create, modify, delete, read or other (as <c>AuditNames</c> spells them).</param>
/// <param name="Outcome">success or failure.</param>
/// <param name="UserAgent">The caller's user agent, where the log has one.</param>
/// <param name="ErrorCode">The provider's error code of a failed call.</param>
/// <param name="ResourceId">The resource the event acted on, when it is not the attributed resource itself (a rule added to a filter).</param>
public sealed record AttributedChange(
    DateTimeOffset Time,
    string EventName,
    string Action,
    string Outcome,
    string? Actor,
    string? SourceIp,
    string EventId,
    string? UserAgent = null,
    string? ErrorCode = null,
    string? ResourceId = null)
{
    /// <summary>True for a call the provider refused (its outcome is failure, as <c>AuditNames</c> spells it).</summary>
    public static bool IsRefused(AttributedChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Outcome == Audit.AuditNames.Of(Audit.AuditOutcome.Failure);
    }
}
