namespace PostureScan.Core.Inventory;

/// <summary>Which traffic a mirror copies: its rules, in both directions, and provider-level services.</summary>
public sealed record MirrorFilter(
    string Id,
    string? Description,
    IReadOnlyList<FilterRule> Rules,
    IReadOnlyList<string> NetworkServices,
    IReadOnlyDictionary<string, string> Tags,
    string? RawJson = null)
{
    /// <summary>
    /// True when the filter copies all traffic in both directions: for each direction, the
    /// lowest-numbered rule is an accept-everything rule (rules are evaluated in number order,
    /// so a reject before it would narrow the capture).
    /// </summary>
    public bool AcceptsEverything =>
        FirstRuleAcceptsEverything(TrafficDirection.Ingress) && FirstRuleAcceptsEverything(TrafficDirection.Egress);

    /// <summary>The directions for which at least one accept rule exists.</summary>
    public TrafficDirection? AcceptedDirections
    {
        get
        {
            var ingress = Rules.Any(r => r.Accept && r.Direction is TrafficDirection.Ingress or TrafficDirection.Both);
            var egress = Rules.Any(r => r.Accept && r.Direction is TrafficDirection.Egress or TrafficDirection.Both);
            return (ingress, egress) switch
            {
                (true, true) => TrafficDirection.Both,
                (true, false) => TrafficDirection.Ingress,
                (false, true) => TrafficDirection.Egress,
                _ => null,
            };
        }
    }

    private bool FirstRuleAcceptsEverything(TrafficDirection direction) =>
        Rules.Where(r => r.Direction == direction || r.Direction == TrafficDirection.Both)
            .OrderBy(r => r.RuleNumber)
            .FirstOrDefault() is { AcceptsEverything: true };
}
