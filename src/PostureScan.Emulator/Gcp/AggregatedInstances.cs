using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Gcp;

/// <summary>
/// <c>GET projects/{project}/aggregated/instances</c>: the project's VMs across zones, in zone then name order,
/// keyed "zones/ZONE"; every zone that holds an instance appears on every page. An unreachable region stands
/// for its instances' zones, or ZONE-a when it has none.
/// </summary>
internal static class AggregatedInstances
{
    private static readonly AggregatedListing<(GcpRegion Region, GcpInstance Instance)> Listing = new(
        "instances",
        "compute#instanceAggregatedList",
        regions => regions
            .SelectMany(r => r.Instances.Select(i => (Region: r, Instance: i)))
            .OrderBy(x => x.Instance.Zone, StringComparer.Ordinal)
            .ThenBy(x => x.Instance.Name, StringComparer.Ordinal)
            .Select(x => (Zone(x.Instance.Zone), x)),
        regions => regions.SelectMany(r => r.Instances).Select(i => i.Zone).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(Zone),
        region => (region.Instances.Count > 0 ? region.Instances.Select(i => i.Zone).Distinct(StringComparer.Ordinal) : [region.Name + "-a"]).Select(Zone),
        (project, x) => GcpResources.Instance(project, x.Region, x.Instance));

    public static GcpResponse Handle(GcpCall call) => AggregatedList.Handle(call, Listing);

    private static string Zone(string zone) => $"zones/{zone}";
}
