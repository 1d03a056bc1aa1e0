namespace PostureScan.Gcp.Wire;

/// <summary>What a policy mirrors: whole subnetworks, single instances, and instances with a network tag.</summary>
internal sealed record MirroredResources(List<ResourceRef>? Subnetworks, List<ResourceRef>? Instances, List<string>? Tags);
