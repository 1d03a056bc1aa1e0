namespace PostureScan.Emulator.Worlds;

/// <summary>A load balancer frontend: private (internal load balancer) or with a public IP address.</summary>
public sealed record AzureFrontendIpConfiguration
{
    public string Name { get; init; } = "";

    public string? PrivateIPAddress { get; init; }

    public string? Subnet { get; init; }

    /// <summary>The id of a public IP address resource; set for a public (internet-facing) frontend.</summary>
    public string? PublicIPAddress { get; init; }
}
