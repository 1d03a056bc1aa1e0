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
/// Every call on the resource after its create event that the provider let through (modify, delete), newest last;
/// when no create event was found, every such call on it. The last is the resource's last change.
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

    /// <summary>
    /// Calls on the resource the provider refused, oldest first (denied, a dry run, throttled, a rejected command):
    /// after its create event, or any time when none was found. A refused modify or delete is evidence of an
    /// attempt, and the timelines and the summary keep it, but it changed nothing: it is never one of
    /// <see cref="Changes"/>, so never the last change, and a refused delete ends nothing. Runs stored before this
    /// list existed held refused calls among their changes; <see cref="SessionAttribution.WithRefusedApart"/> reads them apart.
    /// </summary>
    public IReadOnlyList<AttributedChange> Refused { get; init; } = [];

    /// <summary>This attribution with any refused call among <see cref="Changes"/> moved to <see cref="Refused"/> (a run stored before that list existed).</summary>
    internal Attribution WithRefusedApart()
    {
        if (!Changes.Any(AttributedChange.IsRefused))
        {
            return this;
        }

        return this with
        {
            Changes = [.. Changes.Where(c => !AttributedChange.IsRefused(c))],
            Refused = [.. Refused.Concat(Changes.Where(AttributedChange.IsRefused)).OrderBy(c => c.Time)],
        };
    }
}
