using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Gcp;

/// <summary>
/// <c>GET projects/{project}/aggregated/packetMirrorings</c>: the project's policies, region by region in name
/// order, keyed "regions/REGION"; every reachable region appears on every page.
/// </summary>
internal static class AggregatedPacketMirrorings
{
    private static readonly AggregatedListing<(GcpRegion Region, GcpPacketMirroring Policy)> Listing = new(
        "packetMirrorings",
        "compute#packetMirroringAggregatedList",
        regions => regions.SelectMany(r => r.PacketMirrorings.Select(p => (Region(r), (Region: r, Policy: p)))),
        regions => regions.Select(Region),
        region => [Region(region)],
        (project, x) => GcpResources.PacketMirroring(project, x.Region, x.Policy));

    public static GcpResponse Handle(GcpCall call) => AggregatedList.Handle(call, Listing);

    private static string Region(GcpRegion region) => $"regions/{region.Name}";
}
