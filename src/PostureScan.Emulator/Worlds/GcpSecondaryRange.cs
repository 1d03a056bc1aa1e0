namespace PostureScan.Emulator.Worlds;

/// <summary>A subnetwork's secondary range (alias IPs).</summary>
public sealed record GcpSecondaryRange
{
    public string RangeName { get; init; } = "";

    public string IpCidrRange { get; init; } = "";
}
