namespace PostureScan.Emulator.Worlds;

/// <summary>One IP configuration of a network interface.</summary>
public sealed record AzureIpConfiguration
{
    public string Name { get; init; } = "ipconfig1";

    public string? PrivateIPAddress { get; init; }

    /// <summary>The subnet id: .../virtualNetworks/VNET/subnets/NAME.</summary>
    public string? Subnet { get; init; }

    /// <summary>The id of a public IP address resource associated with it, if any.</summary>
    public string? PublicIPAddress { get; init; }

    public bool Primary { get; init; } = true;
}
