using PostureScan.Core.Inventory;
using PostureScan.Gcp.Compute;
using PostureScan.Gcp.Wire;

namespace PostureScan.Gcp.Mapping;

/// <summary>
/// What a policy mirrors: each subnetwork with its CIDR ranges, each instance with its internal
/// addresses, and each network tag (every instance carrying it, on the policy's network).
/// </summary>
internal static class SourceMapping
{
    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();

    public static IReadOnlyList<MirroredSource> ToSources(
        PacketMirroring policy, TrafficDirection direction, ResolvedResources resolved)
    {
        var network = Limits.Text(policy.Network?.Url, Limits.Url);
        var resources = policy.MirroredResources;
        var subnets = Limits.Take(resources?.Subnetworks, Limits.Subnetworks)
            .Where(r => r.Url is { Length: > 0 })
            .Select(r => Subnetwork(r.Url!, network, direction, resolved));
        var instances = Limits.Take(resources?.Instances, Limits.Instances)
            .Where(r => r.Url is { Length: > 0 })
            .Select(r => Instance(r.Url!, network, direction, resolved));
        var tags = Limits.Take(resources?.Tags, Limits.Tags)
            .Where(t => t is { Length: > 0 })
            .Select(t => Limits.Text(t, Limits.Name)!)
            .Select(t => new MirroredSource("network-tag", t, t, null, network, [], direction, NoTags));
        return [.. subnets, .. instances, .. tags];
    }

    private static MirroredSource Subnetwork(string url, string? network, TrafficDirection direction, ResolvedResources resolved)
    {
        var path = ResourcePath.Parse(url);
        var subnet = resolved.Get<Subnetwork>(path);
        IReadOnlyList<string> addresses = subnet is null
            ? []
            : [.. new[] { subnet.IpCidrRange }
                .Concat(Limits.Take(subnet.SecondaryIpRanges, Limits.CidrRanges).Select(r => r.IpCidrRange))
                .Where(c => c is { Length: > 0 and <= 64 })
                .Select(c => c!)
                .Distinct(StringComparer.Ordinal)];
        return new MirroredSource(
            Kind: "subnetwork",
            Id: Limits.Text(url, Limits.Url)!,
            Name: Limits.Text(subnet?.Name ?? path?.Name, Limits.Name),
            Instance: null,
            Network: Limits.Text(subnet?.Network, Limits.Url) ?? network,
            Addresses: addresses,
            Direction: direction,
            Tags: NoTags);
    }

    private static MirroredSource Instance(string url, string? network, TrafficDirection direction, ResolvedResources resolved)
    {
        var path = ResourcePath.Parse(url);
        var instance = resolved.Get<Instance>(path);
        var interfaces = Limits.Take(instance?.NetworkInterfaces, Limits.Interfaces).ToList();
        var name = Limits.Text(instance?.Name ?? path?.Name, Limits.Name);
        return new MirroredSource(
            Kind: "instance",
            Id: Limits.Text(url, Limits.Url)!,
            Name: name,
            Instance: name,
            Network: Limits.Text(interfaces.FirstOrDefault()?.Network, Limits.Url) ?? network,
            Addresses: [.. interfaces.Select(i => i.NetworkIp).Where(ip => ip is { Length: > 0 and <= 64 }).Select(ip => ip!).Distinct(StringComparer.Ordinal)],
            Direction: direction,
            Tags: Limits.Map(instance?.Labels));
    }
}
