using PostureScan.Azure.Wire;
using PostureScan.Core.Inventory;

namespace PostureScan.Azure;

/// <summary>
/// The two kinds of vTAP destination, as data: which property names it, what sub-resource type it is,
/// and where its IP configurations are found in the resource that holds it.
/// </summary>
internal sealed record TapDestination(
    TargetKind Kind,
    string ChildType,
    Func<TapProperties, string?> Reference,
    Func<ArmDocument, IReadOnlyList<IpConfiguration>?> Configurations,
    bool MachineInterface)
{
    public static IReadOnlyList<TapDestination> All { get; } =
    [
        new(TargetKind.NetworkInterface, NetworkIds.NicIpConfiguration,
            p => p.DestinationNetworkInterfaceIPConfiguration?.Id,
            d => d.PropertiesAs<NicProperties>()?.IpConfigurations,
            MachineInterface: true),
        new(TargetKind.LoadBalancerFrontend, NetworkIds.Frontend,
            p => p.DestinationLoadBalancerFrontEndIPConfiguration?.Id,
            d => d.PropertiesAs<LoadBalancerProperties>()?.FrontendIPConfigurations,
            MachineInterface: false),
    ];

    /// <summary>The destination a vTAP names, and its id; null when it names none.</summary>
    public static (TapDestination Kind, string Id)? Of(TapProperties properties) =>
        All.Select(d => (Kind: d, Id: d.Reference(properties))).Where(d => d.Id is { Length: > 0 }).Select(d => ((TapDestination, string)?)(d.Kind, d.Id!)).FirstOrDefault();
}
