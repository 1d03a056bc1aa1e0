namespace PostureScan.Emulator.Worlds;

/// <summary>A VM in a zone of the region, with one network interface.</summary>
public sealed record GcpInstance
{
    public string Name { get; init; } = "";

    public string? Id { get; init; }

    /// <summary>A zone of the region, such as us-central1-a.</summary>
    public string Zone { get; init; } = "";

    public string Network { get; init; } = "";

    /// <summary>A subnetwork name in this region or a path.</summary>
    public string? Subnetwork { get; init; }

    /// <summary>The internal address of nic0.</summary>
    public string? NetworkIp { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = Empty.Tags;

    /// <summary>Network tags (what a policy's mirroredResources.tags selects).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}
