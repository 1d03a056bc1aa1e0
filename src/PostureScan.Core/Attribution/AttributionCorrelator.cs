using PostureScan.Core.Audit;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;

namespace PostureScan.Core.Attribution;

/// <summary>
/// Joins the inventory with the audit events: for each session and each of its parts, the create event and
/// the changes after it, or the reason there is none; mirrors known only from their create and delete
/// events; and failed mirror calls. Pure: the same input gives the same report.
/// </summary>
public static class AttributionCorrelator
{
    public static AttributionReport Correlate(CorrelationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var index = new EventIndex(input.Events);
        var coverage = new CoverageLookup(input.Coverage);
        var attributor = new PartAttributor(index, coverage);
        var bounds = input.CreatedAfter ?? new Dictionary<string, DateTimeOffset>();
        var cache = new Dictionary<string, Attribution>(StringComparer.Ordinal);

        Attribution Part(string id, Scope scope, params Attribution?[] createdBefore)
        {
            var key = ResourceKeys.Of(id);
            if (cache.TryGetValue(key, out var known))
            {
                return known;
            }

            // A resource is created after the parts it refers to: a session after its target and filter.
            DateTimeOffset? after = bounds.TryGetValue(id, out var b) ? b : null;
            foreach (var created in createdBefore.Select(a => a?.CreatedAt).OfType<DateTimeOffset>())
            {
                after = after is { } current && current > created ? current : created;
            }

            return cache[key] = attributor.Attribute(id, scope, after);
        }

        var sessions = new List<SessionAttribution>();
        foreach (var session in input.Sessions)
        {
            var parts = SessionParts.Of(session);
            var byKey = new Dictionary<string, SessionPart>(StringComparer.Ordinal);
            foreach (var part in parts)
            {
                byKey.TryAdd(ResourceKeys.Of(part.ResourceId), part);
            }

            var resolving = new HashSet<string>(StringComparer.Ordinal);
            Attribution? Resolve(string id)
            {
                var key = ResourceKeys.Of(id);
                if (!byKey.TryGetValue(key, out var part) || !resolving.Add(key))
                {
                    return null; // not a part of this session, or a part that refers back to itself: no bound
                }

                var attribution = Part(part.ResourceId, part.Scope, [.. part.CreatedAfter.Select(Resolve)]);
                resolving.Remove(key);
                return attribution;
            }

            sessions.Add(new SessionAttribution(session.Id, session.Scope, [.. parts.Select(p => new AttributedPart(p.Kind, Resolve(p.ResourceId)!))]));
        }

        var present = new HashSet<string>(cache.Keys, StringComparer.Ordinal);
        return new AttributionReport(
            sessions,
            DeletedMirrors(index, present, input.RecentSince),
            FailedAttempts(input.Events, input.RecentSince),
            [.. input.Coverage.Select(c => c.Status)]);
    }

    /// <summary>Sessions created and deleted according to the logs, and absent from the inventory.</summary>
    private static List<MirrorLifetime> DeletedMirrors(EventIndex index, HashSet<string> present, DateTimeOffset since)
    {
        var lifetimes = new List<MirrorLifetime>();
        foreach (var key in index.Keys.Where(k => !present.Contains(k) && ResourceKeys.IsSession(k)).Order(StringComparer.Ordinal))
        {
            var events = index.For(key);
            var create = events.FirstOrDefault(e => EventIndex.Creates(e, key));
            var delete = create is null ? null : events.FirstOrDefault(e => e.Time >= create.Time && EventIndex.Deletes(e, key));
            if (create is not null && delete is not null && delete.Time >= since)
            {
                lifetimes.Add(new MirrorLifetime(AuditProviders.ScopeOf(create), create.ResourceIds[0], create.Time, delete.Time, create.Actor, create.SourceIp));
            }
        }

        return lifetimes;
    }

    /// <summary>Create and change calls the provider refused.</summary>
    private static List<FailedMirrorAttempt> FailedAttempts(IEnumerable<AuditEvent> events, DateTimeOffset since) =>
        [.. events
            .Where(e => e.Outcome == AuditOutcome.Failure && e.Action is AuditAction.Create or AuditAction.Modify && e.Time >= since)
            .DistinctBy(AuditEventKeys.Of)
            .OrderBy(e => e.Time)
            .Select(e => new FailedMirrorAttempt(AuditProviders.ScopeOf(e), e.Time, e.EventName, e.Actor, e.SourceIp, e.ErrorCode, AuditEventKeys.Of(e)))];
}
