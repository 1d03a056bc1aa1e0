namespace PostureScan.Emulator.Worlds;

/// <summary>What a policy mirrors: subnetworks, instances and network tags.</summary>
public sealed record GcpMirroredResources
{
    public IReadOnlyList<string> Subnetworks { get; init; } = [];

    /// <summary>"ZONE/NAME", a name of an instance in the region, or a path.</summary>
    public IReadOnlyList<string> Instances { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];
}
