namespace PostureScan.Aws.Audit;

/// <summary>The EC2 operations on traffic mirroring, for lookups by event name (one attribute per LookupEvents call).</summary>
internal static class MirrorEventNames
{
    public const string Ec2Source = "ec2.amazonaws.com";

    public static IReadOnlyList<string> All { get; } =
    [
        "CreateTrafficMirrorSession", "ModifyTrafficMirrorSession", "DeleteTrafficMirrorSession", "DescribeTrafficMirrorSessions",
        "CreateTrafficMirrorTarget", "DeleteTrafficMirrorTarget", "DescribeTrafficMirrorTargets",
        "CreateTrafficMirrorFilter", "DeleteTrafficMirrorFilter", "DescribeTrafficMirrorFilters", "ModifyTrafficMirrorFilterNetworkServices",
        "CreateTrafficMirrorFilterRule", "ModifyTrafficMirrorFilterRule", "DeleteTrafficMirrorFilterRule", "DescribeTrafficMirrorFilterRules",
    ];
}
