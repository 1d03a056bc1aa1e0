namespace PostureScan.Emulator.Worlds;

/// <summary>
/// A traffic mirror target, with EC2's wire fields, plus what other read APIs expose about a
/// network load balancer target (<see cref="Scheme"/>, <see cref="DnsName"/>, <see cref="VpcId"/>).
/// </summary>
public sealed record AwsMirrorTarget
{
    /// <summary>The trafficMirrorTargetId (tmt-...).</summary>
    public string Id { get; init; } = "";

    /// <summary>network-interface, network-load-balancer or gateway-load-balancer-endpoint.</summary>
    public string Type { get; init; } = AwsTargetType.NetworkInterface;

    public string? NetworkInterfaceId { get; init; }

    public string? NetworkLoadBalancerArn { get; init; }

    public string? GatewayLoadBalancerEndpointId { get; init; }

    public string? Description { get; init; }

    /// <summary>Defaults to the account that holds the target.</summary>
    public string? OwnerId { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = Empty.Tags;

    /// <summary>Load balancer scheme: internet-facing or internal (default).</summary>
    public string? Scheme { get; init; }

    public string? DnsName { get; init; }

    public string? VpcId { get; init; }
}
