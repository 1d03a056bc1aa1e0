using PostureScan.Core.Inventory;

namespace PostureScan.Core.Attribution;

/// <summary>
/// The attribution of one inventoried mirror session: the session first, then each of its parts.
/// </summary>
public sealed record SessionAttribution(string SessionId, Scope Scope, IReadOnlyList<AttributedPart> Parts)
{
    /// <summary>The session's own attribution (the first part).</summary>
    public Attribution Session => Parts[0].Attribution;

    /// <summary>
    /// This attribution as it is computed now from a stored one: a run stored before <see cref="Attribution.Refused"/>
    /// existed held its parts' refused calls among their changes, where one could read as the last change.
    /// </summary>
    public SessionAttribution WithRefusedApart() =>
        this with { Parts = [.. Parts.Select(p => p with { Attribution = p.Attribution.WithRefusedApart() })] };

    /// <summary>
    /// Every event of the session and its parts, oldest first: the create events, the changes after them, the
    /// calls refused after them, and the calls logged before them (a refused create).
    /// </summary>
    public IReadOnlyList<TimelineEntry> Timeline()
    {
        var entries = new Dictionary<string, TimelineEntry>(StringComparer.Ordinal);
        foreach (var part in Parts)
        {
            var a = part.Attribution;
            if (a.State == AttributionState.Attributed && a.CreatedAt is { } created && a.EventIds.Count > 0)
            {
                entries.TryAdd(a.EventIds[0], new TimelineEntry(part.Kind, a.ResourceId, new AttributedChange(
                    created, a.CreateEventName ?? "create", "create", "success", a.Actor, a.SourceIp, a.EventIds[0], a.UserAgent)));
            }

        }

        // Changes second: an event that created one part (a rule) and changed another (its filter) shows as the creation.
        foreach (var part in Parts)
        {
            foreach (var change in part.Attribution.BeforeCreation.Concat(part.Attribution.Changes).Concat(part.Attribution.Refused))
            {
                entries.TryAdd(change.EventId, new TimelineEntry(part.Kind, part.Attribution.ResourceId, change));
            }
        }

        return [.. entries.Values.OrderBy(e => e.Change.Time).ThenBy(e => e.Change.EventId, StringComparer.Ordinal)];
    }
}
