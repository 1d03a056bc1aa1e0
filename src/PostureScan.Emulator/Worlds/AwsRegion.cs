namespace PostureScan.Emulator.Worlds;

/// <summary>One region of one account and the EC2 resources in it.</summary>
public sealed record AwsRegion
{
    public string Name { get; init; } = "";

    /// <summary>opt-in-not-required (default), opted-in or not-opted-in (calls there fail with AuthFailure).</summary>
    public string OptInStatus { get; init; } = AwsOptInStatus.NotRequired;

    /// <summary>Faults for this region; when null the account's faults apply.</summary>
    public Faults? Faults { get; init; }

    public IReadOnlyList<AwsMirrorTarget> Targets { get; init; } = [];

    public IReadOnlyList<AwsMirrorFilter> Filters { get; init; } = [];

    public IReadOnlyList<AwsMirrorSession> Sessions { get; init; } = [];

    public IReadOnlyList<AwsNetworkInterface> NetworkInterfaces { get; init; } = [];
}
