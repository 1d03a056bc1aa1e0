using System.Globalization;
using PostureScan.Core.Attribution;
using PostureScan.Core.Inventory;

namespace PostureScan.Core.Drift;

/// <summary>
/// The aspects of a mirror that drift compares, each as a canonical text: two mirrors differ in an aspect
/// exactly when these texts differ, and the same text is what a person reads as "before" and "after".
/// </summary>
public static class DriftText
{
    /// <summary>Rules listed before the rest are summarised, so a huge filter stays readable.</summary>
    private const int MaxRulesShown = 20;

    public static string Destination(MirrorSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var target = session.Target;
        var parts = new List<string> { $"target {session.TargetId ?? target?.Id ?? "none"}" };
        if (target is not null)
        {
            parts.Add(Kind(target.Kind));
            parts.AddRange(new[] { target.ResourceId, target.Address, target.DnsName }.OfType<string>().Where(v => v.Length > 0));
            if (target.OwnerAccount is { Length: > 0 } owner)
            {
                parts.Add($"owner {owner}");
            }
        }

        return string.Join(", ", parts);
    }

    public static string Filter(MirrorSession session) => Filter(session, int.MaxValue);

    /// <summary>The filter as shown: at most <see cref="MaxRulesShown"/> rules.</summary>
    public static string FilterShown(MirrorSession session) => Filter(session, MaxRulesShown);

    public static string? Attribution(Attribution.Attribution? attribution)
    {
        if (attribution is null)
        {
            return null;
        }

        // A refused call changed nothing, so it is no change, but an attempt on a mirror is worth a line of its own.
        return Refused(attribution) is { } refused ? $"{Story(attribution)}; {refused}" : Story(attribution);
    }

    /// <summary>Who created the mirror, from where and when, and its last change: what the audit logs say was done.</summary>
    public static string Story(Attribution.Attribution attribution)
    {
        var text = attribution.State == AttributionState.Attributed
            ? $"created by {attribution.Actor ?? "an unknown actor"} from {attribution.SourceIp ?? "an unknown address"} at {Time(attribution.CreatedAt)}"
            : $"{State(attribution.State)}";
        if (attribution.Changes.Count > 0)
        {
            var last = attribution.Changes[^1];
            text += $"; {attribution.Changes.Count} change(s), last {last.EventName} by {last.Actor ?? "an unknown actor"} from {last.SourceIp ?? "an unknown address"} at {Time(last.Time)}";
        }

        return text;
    }

    /// <summary>The calls on the mirror that were refused and the last of them, or null when there were none.</summary>
    public static string? Refused(Attribution.Attribution attribution)
    {
        if (attribution.Refused.Count == 0)
        {
            return null;
        }

        var last = attribution.Refused[^1];
        return $"{attribution.Refused.Count} refused call(s), last {last.EventName} by {last.Actor ?? "an unknown actor"} from {last.SourceIp ?? "an unknown address"} at {Time(last.Time)}";
    }

    public static string State(AttributionState state) => state switch
    {
        AttributionState.Attributed => "attributed",
        AttributionState.UnattributedBeyondRetention => "unattributed (older than the audit logs read)",
        AttributionState.UnattributedMissing => "unattributed (no create event inside the log window)",
        AttributionState.SourceUnavailable => "source-unavailable (no audit source could be read for it)",
        _ => AttributionStateNames.Of(state),
    };

    public static string Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "an unknown time";

    private static string Filter(MirrorSession session, int maxRules)
    {
        var parts = new List<string>
        {
            $"direction {session.Direction.ToString().ToLowerInvariant()}",
            session.PacketLength is { } length ? $"first {length} bytes" : "whole packets",
        };
        if (session.Filter is { } filter)
        {
            var rules = filter.Rules
                .OrderBy(r => r.Direction)
                .ThenBy(r => r.RuleNumber)
                .Select(Rule)
                .ToList();
            parts.Add($"filter {filter.Id}");
            parts.AddRange(rules.Take(maxRules));
            if (rules.Count > maxRules)
            {
                parts.Add($"and {rules.Count - maxRules} more rules");
            }

            if (filter.NetworkServices.Count > 0)
            {
                parts.Add($"services {string.Join(" ", filter.NetworkServices.Order(StringComparer.Ordinal))}");
            }
        }
        else
        {
            parts.Add(session.FilterId is { } id ? $"filter {id} (not described)" : "no filter");
        }

        return string.Join("; ", parts);
    }

    private static string Rule(FilterRule rule)
    {
        var text = $"{rule.Direction.ToString().ToLowerInvariant()} #{rule.RuleNumber} {(rule.Accept ? "accept" : "reject")}";
        if (rule.Protocol is { } protocol and not (0 or -1))
        {
            text += $" proto {protocol}";
        }

        if (rule.SourceCidr is { Length: > 0 } source and not ("0.0.0.0/0" or "::/0"))
        {
            text += $" from {source}";
        }

        if (rule.SourcePorts is { IsAll: false } sourcePorts)
        {
            text += $" sport {sourcePorts}";
        }

        if (rule.DestinationCidr is { Length: > 0 } destination and not ("0.0.0.0/0" or "::/0"))
        {
            text += $" to {destination}";
        }

        if (rule.DestinationPorts is { IsAll: false } destinationPorts)
        {
            text += $" dport {destinationPorts}";
        }

        return text;
    }

    private static string Kind(TargetKind kind) => kind switch
    {
        TargetKind.NetworkInterface => "network interface",
        TargetKind.NetworkLoadBalancer => "network load balancer",
        TargetKind.GatewayLoadBalancerEndpoint => "gateway load balancer endpoint",
        TargetKind.LoadBalancerFrontend => "load balancer frontend",
        TargetKind.ForwardingRule => "forwarding rule",
        TargetKind.SwitchPort => "switch port",
        TargetKind.RemoteVlan => "remote VLAN",
        TargetKind.ErspanAddress => "ERSPAN destination",
        _ => "destination of unknown kind",
    };
}
