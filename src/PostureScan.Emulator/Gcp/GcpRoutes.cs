namespace PostureScan.Emulator.Gcp;

/// <summary>Every read the emulator serves for GCP, as a table.</summary>
internal static class GcpRoutes
{
    public static IReadOnlyList<GcpRoute> All { get; } =
    [
        new("/compute/v1/projects/{project}/aggregated/packetMirrorings",
            new("compute.packetMirrorings.aggregatedList", "compute.packetMirrorings.list", GcpAction.ComputeScopes),
            AggregatedPacketMirrorings.Handle),
        new("/compute/v1/projects/{project}/aggregated/instances",
            new("compute.instances.aggregatedList", "compute.instances.list", GcpAction.ComputeScopes),
            AggregatedInstances.Handle),
        new("/compute/v1/projects/{project}/regions/{location}/subnetworks/{name}",
            new("compute.subnetworks.get", "compute.subnetworks.get", GcpAction.ComputeScopes),
            ResourceGets.Subnetwork),
        new("/compute/v1/projects/{project}/regions/{location}/forwardingRules/{name}",
            new("compute.forwardingRules.get", "compute.forwardingRules.get", GcpAction.ComputeScopes),
            ResourceGets.ForwardingRule),
        new("/compute/v1/projects/{project}/zones/{location}/instances/{name}",
            new("compute.instances.get", "compute.instances.get", GcpAction.ComputeScopes),
            ResourceGets.Instance,
            Zonal: true),
        new("/v1/projects",
            new("cloudresourcemanager.projects.list", "resourcemanager.projects.list", GcpAction.ResourceManagerScopes),
            ProjectsList.Handle),
    ];
}
