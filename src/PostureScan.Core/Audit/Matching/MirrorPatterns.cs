namespace PostureScan.Core.Audit.Matching;

/// <summary>
/// The name fragments of the seed query for T1020.001, one per provider family of mirror resources.
/// They are matched case-insensitively, which is what catches Azure's upper-case exports and GCP's
/// lower-case <c>packetMirrorings</c> that the literal query misses.
/// </summary>
public static class MirrorPatterns
{
    public static IReadOnlyList<string> All { get; } =
    [
        "TrafficMirror",      // AWS: Create/Modify/Delete/DescribeTrafficMirror{Session,Target,Filter,FilterRule}
        "PacketMirror",       // GCP: v1.compute.packetMirrorings.insert, google.cloud.compute.v1.PacketMirrorings.Insert
        "virtualNetworkTap",  // Azure: Microsoft.Network/virtualNetworkTaps/write
        "tapConfiguration",   // Azure: Microsoft.Network/networkInterfaces/tapConfigurations/write
    ];
}
