using Amazon.EC2.Model;
using PostureScan.Core.Inventory;
using PortRange = PostureScan.Core.Inventory.PortRange;

namespace PostureScan.Aws;

/// <summary>Converts EC2 SDK types into our records. AWS SDK v4 collections may be null; value types are nullable.</summary>
internal static class Ec2Mapping
{
    private static readonly Dictionary<string, TargetKind> TargetKinds = new(StringComparer.Ordinal)
    {
        ["network-interface"] = TargetKind.NetworkInterface,
        ["network-load-balancer"] = TargetKind.NetworkLoadBalancer,
        ["gateway-load-balancer-endpoint"] = TargetKind.GatewayLoadBalancerEndpoint,
    };

    internal sealed record Context(
        Scope Scope,
        IReadOnlyDictionary<string, TrafficMirrorTarget> Targets,
        IReadOnlyDictionary<string, TrafficMirrorFilter> Filters,
        IReadOnlyList<NetworkInterface> Interfaces,
        IReadOnlyList<NetworkInterface> LoadBalancerInterfaces);

    public static MirrorSession ToSession(TrafficMirrorSession s, Context c)
    {
        var target = s.TrafficMirrorTargetId is { } tid && c.Targets.TryGetValue(tid, out var t) ? ToTarget(t, c) : null;
        var filter = s.TrafficMirrorFilterId is { } fid && c.Filters.TryGetValue(fid, out var f) ? ToFilter(f) : null;
        var direction = filter?.AcceptedDirections ?? TrafficDirection.Both;
        var tags = Tags(s.Tags);
        return new MirrorSession(
            Id: s.TrafficMirrorSessionId,
            Scope: c.Scope,
            Name: tags.GetValueOrDefault("Name"),
            Description: s.Description,
            Sources: s.NetworkInterfaceId is { } eni ? [ToSource(eni, direction, c)] : [],
            TargetId: s.TrafficMirrorTargetId,
            Target: target,
            FilterId: s.TrafficMirrorFilterId,
            Filter: filter,
            Direction: direction,
            PacketLength: s.PacketLength,
            Enabled: true,
            Priority: s.SessionNumber,
            VirtualNetworkId: s.VirtualNetworkId,
            OwnerAccount: s.OwnerId,
            Tags: tags,
            RawJson: RawJson.Of(new { session = s, target = c.Targets.GetValueOrDefault(s.TrafficMirrorTargetId ?? ""), filter = c.Filters.GetValueOrDefault(s.TrafficMirrorFilterId ?? "") }));
    }

    /// <summary>The description EC2 gives the interfaces of a network load balancer, from its ARN.</summary>
    public static string? LoadBalancerInterfaceDescription(string arn)
    {
        // arn:aws:elasticloadbalancing:REGION:ACCOUNT:loadbalancer/net/NAME/ID -> "ELB net/NAME/ID"
        var marker = arn.IndexOf(":loadbalancer/", StringComparison.Ordinal);
        return marker < 0 ? null : "ELB " + arn[(marker + ":loadbalancer/".Length)..];
    }

    /// <summary>A network interface as a coverage candidate: what it is, where, and its tags.</summary>
    public static MirroredSource ToCandidate(NetworkInterface nic)
    {
        var tags = Tags(nic.TagSet);
        return new MirroredSource(
            Kind: "network-interface",
            Id: nic.NetworkInterfaceId,
            Name: tags.GetValueOrDefault("Name"),
            Instance: nic.Attachment?.InstanceId,
            Network: nic.VpcId,
            Addresses: Addresses(nic),
            Direction: TrafficDirection.Both,
            Tags: tags);
    }

    private static MirroredSource ToSource(string eni, TrafficDirection direction, Context c)
    {
        var nic = c.Interfaces.FirstOrDefault(i => i.NetworkInterfaceId == eni);
        var tags = Tags(nic?.TagSet);
        return new MirroredSource(
            Kind: "network-interface",
            Id: eni,
            Name: tags.GetValueOrDefault("Name"),
            Instance: nic?.Attachment?.InstanceId,
            Network: nic?.VpcId,
            Addresses: Addresses(nic),
            Direction: direction,
            Tags: tags);
    }

    private static MirrorTarget ToTarget(TrafficMirrorTarget t, Context c)
    {
        var kind = t.Type?.Value is { } type ? TargetKinds.GetValueOrDefault(type, TargetKind.Unknown) : TargetKind.Unknown;
        var nic = t.NetworkInterfaceId is { } eni ? c.Interfaces.FirstOrDefault(i => i.NetworkInterfaceId == eni) : null;
        bool? internetFacing = kind switch
        {
            TargetKind.NetworkInterface when nic is not null => nic.Association?.PublicIp is { Length: > 0 },
            TargetKind.NetworkLoadBalancer => LoadBalancerIsPublic(t.NetworkLoadBalancerArn, c),
            _ => null,
        };
        return new MirrorTarget(
            Id: t.TrafficMirrorTargetId,
            Kind: kind,
            ResourceId: t.NetworkInterfaceId ?? t.NetworkLoadBalancerArn ?? t.GatewayLoadBalancerEndpointId,
            Address: nic?.PrivateIpAddress,
            DnsName: nic?.PrivateDnsName,
            OwnerAccount: t.OwnerId ?? AccountOfArn(t.NetworkLoadBalancerArn),
            InternetFacing: internetFacing,
            Description: t.Description,
            Tags: Tags(t.Tags),
            RawJson: null);
    }

    private static bool? LoadBalancerIsPublic(string? arn, Context c)
    {
        var description = arn is null ? null : LoadBalancerInterfaceDescription(arn);
        var nics = c.LoadBalancerInterfaces.Where(i => i.Description == description).ToList();
        // No visible interfaces (a load balancer in another account): unknown, not "internal".
        return nics.Count == 0 ? null : nics.Any(i => i.Association?.PublicIp is { Length: > 0 });
    }

    private static MirrorFilter ToFilter(TrafficMirrorFilter f) => new(
        Id: f.TrafficMirrorFilterId,
        Description: f.Description,
        Rules: [.. (f.IngressFilterRules ?? []).Concat(f.EgressFilterRules ?? []).Select(ToRule)],
        NetworkServices: [.. (f.NetworkServices ?? []).Select(s => s.ToString())],
        Tags: Tags(f.Tags),
        RawJson: null);

    private static FilterRule ToRule(TrafficMirrorFilterRule r) => new(
        Id: r.TrafficMirrorFilterRuleId,
        Direction: r.TrafficDirection?.Value == "egress" ? TrafficDirection.Egress : TrafficDirection.Ingress,
        RuleNumber: r.RuleNumber ?? 0,
        Accept: r.RuleAction?.Value == "accept",
        Protocol: r.Protocol,
        SourceCidr: r.SourceCidrBlock,
        DestinationCidr: r.DestinationCidrBlock,
        SourcePorts: Ports(r.SourcePortRange),
        DestinationPorts: Ports(r.DestinationPortRange),
        Description: r.Description);

    private static PortRange? Ports(TrafficMirrorPortRange? range) =>
        range is { FromPort: { } from, ToPort: { } to } ? new PortRange(from, to) : null;

    private static IReadOnlyList<string> Addresses(NetworkInterface? nic) =>
        nic is null
            ? []
            : [.. (nic.PrivateIpAddresses ?? []).Select(p => p.PrivateIpAddress).OfType<string>()
                .DefaultIfEmpty(nic.PrivateIpAddress).OfType<string>().Distinct(StringComparer.Ordinal)];

    private static Dictionary<string, string> Tags(List<Tag>? tags) =>
        (tags ?? []).Where(t => t.Key is not null)
            .GroupBy(t => t.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value ?? "", StringComparer.Ordinal);

    private static string? AccountOfArn(string? arn) =>
        arn?.Split(':') is { Length: > 5 } parts && parts[4].Length > 0 ? parts[4] : null;
}
