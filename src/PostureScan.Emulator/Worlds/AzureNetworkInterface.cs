namespace PostureScan.Emulator.Worlds;

/// <summary>A network interface (Microsoft.Network/networkInterfaces) with its IP and tap configurations.</summary>
public sealed record AzureNetworkInterface
{
    public string Name { get; init; } = "";

    public string ResourceGroup { get; init; } = "";

    public string Location { get; init; } = "eastus";

    /// <summary>The id of the virtual machine it is attached to; null when detached.</summary>
    public string? VirtualMachine { get; init; }

    public string? MacAddress { get; init; }

    public IReadOnlyList<AzureIpConfiguration> IpConfigurations { get; init; } = [];

    /// <summary>Each ties the NIC to a virtual network TAP, possibly in another subscription.</summary>
    public IReadOnlyList<AzureTapConfiguration> TapConfigurations { get; init; } = [];

    public IReadOnlyDictionary<string, string> Tags { get; init; } = Empty.Tags;
}
