using PostureScan.Core.Inventory;

namespace PostureScan.Core.Attribution;

/// <summary>
/// The parts of a mirror, as the correlator attributes them and the outputs list them: the session first,
/// then its target, its filter and the filter's rules (AWS), and the tap configurations that attach each
/// source NIC to an Azure vTAP.
/// </summary>
public static class SessionParts
{
    private const string AzureSubscriptions = "/subscriptions/";

    public static IReadOnlyList<SessionPart> Of(MirrorSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var scope = session.Scope;
        var parts = new List<SessionPart>
        {
            new(PartKinds.Session, session.Id, scope, [.. new[] { session.TargetId, session.FilterId }.OfType<string>()]),
        };
        if (session.TargetId is { } target)
        {
            parts.Add(new SessionPart(PartKinds.Target, target, scope, []));
        }

        if (session.FilterId is { } filter)
        {
            parts.Add(new SessionPart(PartKinds.Filter, filter, scope, []));
            parts.AddRange((session.Filter?.Rules ?? []).Select(r => new SessionPart(PartKinds.FilterRule, r.Id, scope, [filter])));
        }

        // A tap configuration names its vTAP, so it is written after it; it is logged where its NIC lives.
        parts.AddRange(session.Sources
            .Select(s => s.AttachmentId)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(id => new SessionPart(PartKinds.TapConfiguration, id, AttachmentScope(scope, id), [session.Id])));
        return parts;
    }

    /// <summary>An Azure NIC may sit in another subscription than the vTAP it feeds: its writes are in that subscription's log.</summary>
    private static Scope AttachmentScope(Scope scope, string id)
    {
        if (scope.Provider != Providers.Azure || !id.StartsWith(AzureSubscriptions, StringComparison.OrdinalIgnoreCase))
        {
            return scope;
        }

        var start = AzureSubscriptions.Length;
        var end = id.IndexOf('/', start);
        var subscription = end > start ? id[start..end] : null;
        return subscription is null || subscription.Equals(scope.Account, StringComparison.OrdinalIgnoreCase)
            ? scope
            : scope with { Account = subscription.ToLowerInvariant() };
    }
}
