using System.Collections.Frozen;
using PostureScan.Core.Inventory;

namespace PostureScan.Cisco.Parsing;

/// <summary>Direction words in configs and show output, seen from the source port.</summary>
internal static class Directions
{
    public static FrozenDictionary<string, TrafficDirection> ByWord { get; } = new Dictionary<string, TrafficDirection>(StringComparer.OrdinalIgnoreCase)
    {
        ["rx"] = TrafficDirection.Ingress,
        ["tx"] = TrafficDirection.Egress,
        ["both"] = TrafficDirection.Both,
        ["rx only"] = TrafficDirection.Ingress,
        ["tx only"] = TrafficDirection.Egress,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Without a direction word, IOS and NX-OS mirror both directions.</summary>
    public const TrafficDirection Default = TrafficDirection.Both;
}
