namespace PostureScan.Emulator.Worlds;

/// <summary>One region of one project and the Compute resources in it (instances by their zone).</summary>
public sealed record GcpRegion
{
    public string Name { get; init; } = "";

    /// <summary>Faults for the GETs of resources in this region; when null the project's faults apply.</summary>
    public Faults? Faults { get; init; }

    /// <summary>The aggregated list cannot reach the region: it is named in "unreachables" (or the list fails without returnPartialSuccess).</summary>
    public bool Unreachable { get; init; }

    public IReadOnlyList<GcpPacketMirroring> PacketMirrorings { get; init; } = [];

    public IReadOnlyList<GcpSubnetwork> Subnetworks { get; init; } = [];

    public IReadOnlyList<GcpInstance> Instances { get; init; } = [];

    public IReadOnlyList<GcpForwardingRule> ForwardingRules { get; init; } = [];
}
