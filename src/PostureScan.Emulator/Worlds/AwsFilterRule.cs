namespace PostureScan.Emulator.Worlds;

/// <summary>One rule of a traffic mirror filter, with EC2's wire fields.</summary>
public sealed record AwsFilterRule
{
    /// <summary>The trafficMirrorFilterRuleId (tmfr-...); derived from the filter and rule when empty.</summary>
    public string? Id { get; init; }

    /// <summary>ingress or egress.</summary>
    public string Direction { get; init; } = "ingress";

    public int RuleNumber { get; init; } = 100;

    /// <summary>accept or reject.</summary>
    public string Action { get; init; } = "accept";

    /// <summary>IANA protocol number; absent means all protocols.</summary>
    public int? Protocol { get; init; }

    public string SourceCidrBlock { get; init; } = "0.0.0.0/0";

    public string DestinationCidrBlock { get; init; } = "0.0.0.0/0";

    public AwsPortRange? SourcePortRange { get; init; }

    public AwsPortRange? DestinationPortRange { get; init; }

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = Empty.Tags;
}
