using System.Globalization;
using PostureScan.Core.Inventory;
using PostureScan.Gcp.Wire;

namespace PostureScan.Gcp.Mapping;

/// <summary>
/// A policy's filter as rules: one accept rule per direction, CIDR range and protocol. Compute applies
/// the ranges to the source address of ingress packets and the destination of egress packets; no ranges
/// and no protocols mean every packet in the policy's direction.
/// </summary>
internal static class FilterMapping
{
    private static readonly Dictionary<string, TrafficDirection> Directions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["INGRESS"] = TrafficDirection.Ingress,
        ["EGRESS"] = TrafficDirection.Egress,
        ["BOTH"] = TrafficDirection.Both,
    };

    // The names Compute accepts in IPProtocols, as IANA protocol numbers.
    private static readonly Dictionary<string, int> Protocols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["icmp"] = 1,
        ["ipip"] = 4,
        ["tcp"] = 6,
        ["udp"] = 17,
        ["esp"] = 50,
        ["ah"] = 51,
        ["sctp"] = 132,
    };

    private static readonly string[] AnyAddress = ["0.0.0.0/0", "::/0"];

    /// <summary>The policy's direction; Compute's default is BOTH.</summary>
    public static TrafficDirection Direction(PacketMirroringFilter? filter) =>
        filter?.Direction is { } d && Directions.TryGetValue(d, out var direction) ? direction : TrafficDirection.Both;

    public static MirrorFilter ToFilter(string id, PacketMirroringFilter? filter)
    {
        var direction = Direction(filter);
        TrafficDirection[] directions = direction == TrafficDirection.Both ? [TrafficDirection.Ingress, TrafficDirection.Egress] : [direction];

        // An any-address range first, so that the lowest-numbered rule says whether everything is copied.
        var cidrs = Limits.Take(filter?.CidrRanges, Limits.CidrRanges)
            .Select(c => Limits.Text(c, 64)!)
            .OrderBy(c => AnyAddress.Contains(c) ? 0 : 1)
            .Cast<string?>()
            .DefaultIfEmpty(null)
            .ToList();
        var protocols = Limits.Take(filter?.IpProtocols, Limits.Protocols)
            .Select(p => Limits.Text(p, 32))
            .DefaultIfEmpty(null)
            .ToList();

        var rules = new List<FilterRule>();
        foreach (var d in directions)
        {
            foreach (var cidr in cidrs)
            {
                foreach (var protocol in protocols)
                {
                    var number = rules.Count + 1;
                    var (protocolNumber, unknown) = ProtocolNumber(protocol);
                    rules.Add(new FilterRule(
                        Id: string.Create(CultureInfo.InvariantCulture, $"{d.ToString().ToLowerInvariant()}-{number}"),
                        Direction: d,
                        RuleNumber: number,
                        Accept: true,
                        Protocol: protocolNumber,
                        SourceCidr: d == TrafficDirection.Ingress ? cidr : null,
                        DestinationCidr: d == TrafficDirection.Egress ? cidr : null,
                        SourcePorts: null,
                        DestinationPorts: null,
                        Description: unknown ? $"protocol '{protocol}'" : null));
                }
            }
        }

        return new MirrorFilter(id, null, rules, [], new Dictionary<string, string>());
    }

    /// <summary>A name from the table or a number; an unknown name is kept as "any" (the cautious reading) and flagged.</summary>
    private static (int? Number, bool Unknown) ProtocolNumber(string? protocol) => protocol switch
    {
        null => (null, false),
        _ when Protocols.TryGetValue(protocol, out var n) => (n, false),
        _ when int.TryParse(protocol, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 255 => (n, false),
        _ => (null, true),
    };
}
