using PostureScan.Azure.Wire;
using PostureScan.Core.Inventory;

namespace PostureScan.Azure;

/// <summary>
/// One virtual network TAP becomes one <see cref="MirrorSession"/>: the NICs whose tap configurations
/// feed it are its sources (each keeps its tap configuration id), its destination is the target. A vTAP
/// has no filter and copies both directions of whole packets.
/// </summary>
internal static class TapMapping
{
    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();
    private static readonly TapProperties NoProperties = new(null, null, null, null, null);

    /// <summary>The NICs and load balancers a vTAP refers to, to be read once each.</summary>
    public static IEnumerable<string> Referenced(ArmDocument tap)
    {
        var properties = tap.PropertiesAs<TapProperties>() ?? NoProperties;
        foreach (var configuration in properties.NetworkInterfaceTapConfigurations ?? [])
        {
            if (NetworkIds.Parent(configuration.Id, NetworkIds.TapConfiguration) is { } nic)
            {
                yield return nic;
            }
        }

        if (TapDestination.Of(properties) is var (kind, id) && NetworkIds.Parent(id, kind.ChildType) is { } holder)
        {
            yield return holder;
        }
    }

    public static MirrorSession ToSession(ArmDocument tap, Scope scope, IReadOnlyDictionary<string, Resolved> resolved)
    {
        var properties = tap.PropertiesAs<TapProperties>() ?? NoProperties;
        var destination = TapDestination.Of(properties);
        return new MirrorSession(
            Id: tap.Id,
            Scope: scope,
            Name: tap.Name,
            Description: null,
            Sources: [.. (properties.NetworkInterfaceTapConfigurations ?? []).Select(c => c.Id).OfType<string>().Select(id => Source(id, resolved))],
            TargetId: destination?.Id,
            Target: destination is var (kind, id) ? Target(kind, id, properties.DestinationPort, resolved) : null,
            FilterId: null,
            Filter: null,
            Direction: TrafficDirection.Both,
            PacketLength: null,
            Enabled: ProvisioningStates.IsMirroring(properties.ProvisioningState),
            Priority: null,
            VirtualNetworkId: null,
            OwnerAccount: NetworkIds.SubscriptionOf(tap.Id) ?? scope.Account,
            Tags: tap.Tags,
            RawJson: tap.Raw);
    }

    private static MirroredSource Source(string tapConfigurationId, IReadOnlyDictionary<string, Resolved> resolved)
    {
        var nicId = NetworkIds.Parent(tapConfigurationId, NetworkIds.TapConfiguration);
        var document = nicId is null ? null : resolved.GetValueOrDefault(nicId)?.Document;
        var nic = document?.PropertiesAs<NicProperties>();
        var configurations = nic?.IpConfigurations ?? [];
        var primary = configurations.FirstOrDefault(c => c.Properties?.Primary == true) ?? (configurations.Count > 0 ? configurations[0] : null);
        return new MirroredSource(
            Kind: "network-interface",
            Id: nicId ?? tapConfigurationId,
            Name: document?.Name ?? (nicId is null ? null : NetworkIds.Name(nicId)),
            Instance: nic?.VirtualMachine?.Id,
            Network: NetworkIds.Parent(primary?.Properties?.Subnet?.Id, NetworkIds.Subnet),
            Addresses: [.. configurations.Select(c => c.Properties?.PrivateIPAddress).OfType<string>().Distinct(StringComparer.Ordinal)],
            Direction: TrafficDirection.Both,
            Tags: document?.Tags ?? NoTags,
            AttachmentId: tapConfigurationId);
    }

    private static MirrorTarget Target(TapDestination kind, string id, int? port, IReadOnlyDictionary<string, Resolved> resolved)
    {
        var holderId = NetworkIds.Parent(id, kind.ChildType);
        var holder = holderId is null ? Resolved.Missing : resolved.GetValueOrDefault(holderId, Resolved.Missing);
        var document = holder.Document;
        var name = NetworkIds.Name(id);
        var configurations = document is null ? null : kind.Configurations(document);
        var configuration = configurations?.FirstOrDefault(c => NetworkIds.Comparer.Equals(c.Id, id))
            ?? configurations?.FirstOrDefault(c => NetworkIds.Comparer.Equals(c.Name, name));
        return new MirrorTarget(
            Id: id,
            Kind: kind.Kind,
            ResourceId: kind.MachineInterface ? holderId ?? id : id,
            Address: configuration?.Properties?.PrivateIPAddress,
            DnsName: null,
            OwnerAccount: NetworkIds.SubscriptionOf(id),
            InternetFacing: configuration is null ? null : configuration.Properties?.PublicIPAddress?.Id is { Length: > 0 },
            Description: document is null ? $"not readable by the scanner: {holder.Problem}" : null,
            Tags: document?.Tags ?? NoTags,
            RawJson: document?.Raw,
            Instance: kind.MachineInterface ? document?.PropertiesAs<NicProperties>()?.VirtualMachine?.Id : null,
            Port: port);
    }
}
