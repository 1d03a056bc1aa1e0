namespace PostureScan.Emulator.Worlds;

/// <summary>A policy's filter, served with Compute's key names (IPProtocols).</summary>
public sealed record GcpMirrorFilter
{
    public IReadOnlyList<string> CidrRanges { get; init; } = [];

    /// <summary>tcp, udp, icmp, esp, ah, ipip, sctp or a protocol number.</summary>
    public IReadOnlyList<string> IpProtocols { get; init; } = [];

    /// <summary>INGRESS, EGRESS or BOTH (default).</summary>
    public string Direction { get; init; } = "BOTH";
}
