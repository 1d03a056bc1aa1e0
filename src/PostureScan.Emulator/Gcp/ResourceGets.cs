namespace PostureScan.Emulator.Gcp;

/// <summary>The single-resource GETs the scanner makes to resolve what a policy names.</summary>
internal static class ResourceGets
{
    public static GcpResponse Subnetwork(GcpCall call)
    {
        var (project, region, name) = (call.Project!.Id, call.Location!, call.Name!);
        return call.Index.Subnetwork(project, region, name) is { } subnet
            ? GcpResponse.Ok(GcpResources.Subnetwork(project, region, subnet))
            : GcpErrors.NotFound($"projects/{project}/regions/{region}/subnetworks/{name}");
    }

    public static GcpResponse ForwardingRule(GcpCall call)
    {
        var (project, region, name) = (call.Project!.Id, call.Location!, call.Name!);
        return call.Index.ForwardingRule(project, region, name) is { } rule
            ? GcpResponse.Ok(GcpResources.ForwardingRule(project, region, rule))
            : GcpErrors.NotFound($"projects/{project}/regions/{region}/forwardingRules/{name}");
    }

    public static GcpResponse Instance(GcpCall call)
    {
        var (project, zone, name) = (call.Project!.Id, call.Location!, call.Name!);
        return call.Index.Instance(project, zone, name) is { } found
            ? GcpResponse.Ok(GcpResources.Instance(project, found.Region, found.Instance))
            : GcpErrors.NotFound($"projects/{project}/zones/{zone}/instances/{name}");
    }
}
