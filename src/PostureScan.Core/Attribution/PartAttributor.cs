using PostureScan.Core.Audit;
using PostureScan.Core.Inventory;

namespace PostureScan.Core.Attribution;

/// <summary>Attributes one resource from its events: the create event, the changes after it, or why there is none.</summary>
internal sealed class PartAttributor(EventIndex index, CoverageLookup coverage)
{
    /// <param name="createdAfter">A lower bound on the creation time, when one is known.</param>
    public Attribution Attribute(string resourceId, Scope scope, DateTimeOffset? createdAfter)
    {
        var events = index.For(resourceId);

        // A GCP or Azure name can be deleted and created again: the resource that exists now is the one created after
        // the last delete of that name that a create followed. Only a delete of the resource itself counts (its first
        // id), not of something that referred to it; a delete no create followed (one whose operation never finished,
        // as the resource is still listed) ends nothing. Azure's later writes of one resource stay its changes: the
        // first create after that delete wins.
        var lastCreate = events.LastOrDefault(e => EventIndex.Creates(e, resourceId));
        var ended = lastCreate is null ? null : events.LastOrDefault(e => e.Time < lastCreate.Time && EventIndex.DeletesItself(e, resourceId));
        var create = events.FirstOrDefault(e => EventIndex.Creates(e, resourceId) && (ended is null || e.Time > ended.Time));
        var window = coverage.Window(scope);

        // A change happens to the resource once it exists, and only when the provider let it through. A call logged
        // before its create event (a refused create, most often) acted on nothing that exists now, and a call refused
        // after it (denied, a dry run, throttled) changed nothing: each is kept apart as evidence and is never its
        // last change. Without a create event there is no creation to precede, so every call let through is a change.
        bool LoggedBeforeCreation(AuditEvent e) => create is not null && e.Time < create.Time;
        var since = events.Where(e => !ReferenceEquals(e, create) && !LoggedBeforeCreation(e)).ToList();
        var changes = since.Where(e => !EventIndex.Refused(e)).Select(e => Change(e, resourceId)).ToList();
        List<AttributedChange> refused = [.. since.Where(EventIndex.Refused).Select(e => Change(e, resourceId))];
        var changeIds = changes.Select(c => c.EventId);

        if (create is not null)
        {
            var details = ActorDetails.Of(create);
            return new Attribution(
                resourceId,
                AttributionState.Attributed,
                create.Actor,
                create.SourceIp,
                create.Time,
                create.UserAgent,
                [AuditEventKeys.Of(create), .. changeIds],
                changes,
                $"created by {create.EventName}",
                details.SessionIssuer,
                details.RoleSessionName,
                details.InvokedBy,
                window,
                create.EventName)
            {
                BeforeCreation = [.. events.Where(LoggedBeforeCreation).Select(e => Change(e, resourceId))],
                Refused = refused,
            };
        }

        var (state, reason) = Unattributed(scope, window, createdAfter);
        return new Attribution(resourceId, state, null, null, null, null, [.. changeIds], changes, reason, Window: window) { Refused = refused };
    }

    private (AttributionState, string) Unattributed(Scope scope, AuditWindow? window, DateTimeOffset? createdAfter)
    {
        if (coverage.Failure(scope) is { } failure || window is null)
        {
            return (AttributionState.SourceUnavailable, coverage.Failure(scope) ?? $"no audit window for {scope.Key}");
        }

        if (createdAfter is { } after && after > window.Newest)
        {
            // Created after the newest event read: its events may simply not be delivered yet.
            return (AttributionState.SourceUnavailable, $"created after {AuditNames.Of(after)}, later than the newest audit event read (window {window})");
        }

        return createdAfter is { } bound && bound >= window.Oldest
            ? (AttributionState.UnattributedMissing, $"created after {AuditNames.Of(bound)}, inside the audit window {window}, yet no create event was found")
            : (AttributionState.UnattributedBeyondRetention, $"no create event in the audit window {window}; the resource is older than the oldest event read");
    }

    private static AttributedChange Change(AuditEvent e, string resourceId)
    {
        var other = e.ResourceIds.Count > 0 && ResourceKeys.Of(e.ResourceIds[0]) != ResourceKeys.Of(resourceId) ? e.ResourceIds[0] : null;
        return new AttributedChange(
            e.Time,
            e.EventName,
            AuditNames.Of(e.Action),
            AuditNames.Of(e.Outcome),
            e.Actor,
            e.SourceIp,
            AuditEventKeys.Of(e),
            e.UserAgent,
            e.ErrorCode,
            other);
    }
}
