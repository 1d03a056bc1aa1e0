namespace PostureScan.Emulator.Worlds;

/// <summary>A traffic mirror filter with its rules in both directions.</summary>
public sealed record AwsMirrorFilter
{
    /// <summary>The trafficMirrorFilterId (tmf-...).</summary>
    public string Id { get; init; } = "";

    public string? Description { get; init; }

    /// <summary>Rules of both directions; each rule names its own direction.</summary>
    public IReadOnlyList<AwsFilterRule> Rules { get; init; } = [];

    /// <summary>Network services mirrored as well, e.g. amazon-dns.</summary>
    public IReadOnlyList<string> NetworkServices { get; init; } = [];

    public IReadOnlyDictionary<string, string> Tags { get; init; } = Empty.Tags;
}
