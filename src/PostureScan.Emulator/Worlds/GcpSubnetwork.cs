namespace PostureScan.Emulator.Worlds;

/// <summary>A subnetwork of a region, with its primary and secondary ranges.</summary>
public sealed record GcpSubnetwork
{
    public string Name { get; init; } = "";

    public string? Id { get; init; }

    /// <summary>A network name in this project or a path.</summary>
    public string Network { get; init; } = "";

    public string IpCidrRange { get; init; } = "";

    public IReadOnlyList<GcpSecondaryRange> SecondaryIpRanges { get; init; } = [];
}
