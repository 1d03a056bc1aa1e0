using System.Text.Json.Serialization;
using PostureScan.Core.Audit;

namespace PostureScan.Core.Attribution;

/// <summary>
/// Who created a mirror (or one of its parts), from where and when, and who changed it since.
/// <paramref name="Reason"/> says, in words, why the state is what it is (for unattributed states,
/// the log window that was searched).
/// </summary>
/// <param name="EventIds">The create event first, then the ids of <paramref name="Changes"/>.</param>
/// <param name="Changes">
/// Every event on the resource after its create event (modify, delete, failed attempts), newest last; when no
/// create event was found, every event on it.
/// </param>
/// <param name="SessionIssuer">For an assumed role, the role that issued the session (CloudTrail <c>sessionContext.sessionIssuer.arn</c>).</param>
/// <param name="RoleSessionName">For an assumed role, the session name the caller chose (the last segment of the assumed-role ARN).</param>
/// <param name="InvokedBy">The service that made the call on the principal's behalf (CloudTrail <c>invokedBy</c>).</param>
/// <param name="Window">The audit window searched for the resource's events.</param>
/// <param name="CreateEventName">The name of the create event (CreateTrafficMirrorSession, a tap configuration write...).</param>
public sealed record Attribution(
    string ResourceId,
    [property: JsonConverter(typeof(AttributionStateJsonConverter))] AttributionState State,
    string? Actor,
    string? SourceIp,
    DateTimeOffset? CreatedAt,
    string? UserAgent,
    IReadOnlyList<string> EventIds,
    IReadOnlyList<AttributedChange> Changes,
    string? Reason,
    string? SessionIssuer = null,
    string? RoleSessionName = null,
    string? InvokedBy = null,
    AuditWindow? Window = null,
    string? CreateEventName = null)
{
    /// <summary>
    /// Events on the resource logged before its create event, oldest first: a refused create, most often, or a
    /// call on an earlier resource of the same name. They changed nothing that exists now, so they are not
    /// <see cref="Changes"/>; they are evidence, and the timelines keep them. Runs stored before this list
    /// existed read it as empty (their earlier events are among their changes).
    /// </summary>
    public IReadOnlyList<AttributedChange> BeforeCreation { get; init; } = [];
}
