using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Aws;

/// <summary>One authenticated call, as an action handler sees it.</summary>
/// <param name="Region">The caller's region in the world; null for global services (STS).</param>
internal sealed record QueryCall(
    string Action,
    QueryParameters Parameters,
    AwsCaller Caller,
    AwsAccount Account,
    string RegionName,
    AwsRegion? Region,
    string RequestId,
    EmulatorState State)
{
    /// <summary>The caller's region, for handlers of regional services (never null there).</summary>
    public AwsRegion RequiredRegion => Region ?? throw new InvalidOperationException($"{Action} is regional but has no region.");
}
