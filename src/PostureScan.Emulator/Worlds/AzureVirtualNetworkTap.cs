namespace PostureScan.Emulator.Worlds;

/// <summary>
/// A virtual network TAP (Microsoft.Network/virtualNetworkTaps). Exactly one destination is set, as a
/// full resource id that may point into another subscription. Its networkInterfaceTapConfigurations are
/// not listed here: the emulator derives them from the tap configurations of every NIC in the world.
/// </summary>
public sealed record AzureVirtualNetworkTap
{
    public string Name { get; init; } = "";

    public string ResourceGroup { get; init; } = "";

    public string Location { get; init; } = "eastus";

    /// <summary>A NIC IP configuration id: .../networkInterfaces/NIC/ipConfigurations/NAME.</summary>
    public string? DestinationNetworkInterfaceIPConfiguration { get; init; }

    /// <summary>A load balancer frontend id: .../loadBalancers/LB/frontendIPConfigurations/NAME.</summary>
    public string? DestinationLoadBalancerFrontEndIPConfiguration { get; init; }

    /// <summary>The VXLAN UDP port; absent from the resource when null.</summary>
    public int? DestinationPort { get; init; } = 4789;

    /// <summary>Succeeded (default), Updating, Deleting or Failed.</summary>
    public string ProvisioningState { get; init; } = "Succeeded";

    public IReadOnlyDictionary<string, string> Tags { get; init; } = Empty.Tags;
}
