using PostureScan.Cisco.Parsing;
using PostureScan.Core.Inventory;

namespace PostureScan.Cisco.Mapping;

/// <summary>
/// A session's filter: VLAN filters and access groups narrow the copy but their contents live elsewhere
/// in the config, so they become a filter without rules (which never reads as accept-everything); an
/// NX-OS simple filter becomes one rule. An unfiltered session gets no filter at all.
/// </summary>
internal static class MirrorFilterFactory
{
    public static MirrorFilter? Create(SessionDraft draft, string sessionId)
    {
        var hasSimple = draft.SimpleFilterSource is not null || draft.SimpleFilterDestination is not null;
        if (draft.FilterVlans.Count == 0 && draft.AccessGroups.Count == 0 && !hasSimple)
        {
            return null;
        }

        var parts = new List<string>();
        var tags = new Dictionary<string, string>();
        if (draft.FilterVlans.Count > 0)
        {
            var vlans = string.Join(',', draft.FilterVlans);
            parts.Add($"vlan {vlans}");
            tags["vlans"] = vlans;
        }

        foreach (var group in draft.AccessGroups)
        {
            var key = group.Family switch
            {
                "sgt" => "sgt",
                "acl" => "access-group",
                _ => $"{group.Family}-access-group",
            };
            parts.Add($"{key} {group.Name}");
            tags[key] = tags.TryGetValue(key, out var earlier) ? $"{earlier},{group.Name}" : group.Name;
        }

        List<FilterRule> rules = [];
        if (hasSimple)
        {
            parts.Add($"simple filter {draft.SimpleFilterSource ?? "any"} -> {draft.SimpleFilterDestination ?? "any"}");
            rules.Add(new FilterRule(
                $"{sessionId}/filter/simple", TrafficDirection.Both, 1, true, null,
                draft.SimpleFilterSource, draft.SimpleFilterDestination, null, null, "simple filter"));
        }

        return new MirrorFilter($"{sessionId}/filter", string.Join("; ", parts), rules, [], tags);
    }
}
