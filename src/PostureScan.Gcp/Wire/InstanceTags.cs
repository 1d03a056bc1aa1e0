namespace PostureScan.Gcp.Wire;

/// <summary>An instance's network tags, which packet mirroring policies may select it by.</summary>
internal sealed record InstanceTags(List<string>? Items);
