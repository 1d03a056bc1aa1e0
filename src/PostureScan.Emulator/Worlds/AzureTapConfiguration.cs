namespace PostureScan.Emulator.Worlds;

/// <summary>A NIC tap configuration: the NIC's traffic is mirrored to <see cref="VirtualNetworkTap"/>.</summary>
public sealed record AzureTapConfiguration
{
    public string Name { get; init; } = "";

    /// <summary>The full id of the virtual network TAP, in this or another subscription.</summary>
    public string VirtualNetworkTap { get; init; } = "";

    public string ProvisioningState { get; init; } = "Succeeded";
}
