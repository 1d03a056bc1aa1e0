namespace PostureScan.Emulator.Worlds;

/// <summary>An elastic network interface, with the basic fields of DescribeNetworkInterfaces.</summary>
public sealed record AwsNetworkInterface
{
    /// <summary>The networkInterfaceId (eni-...).</summary>
    public string Id { get; init; } = "";

    public string? PrivateIpAddress { get; init; }

    /// <summary>A public address associated with the interface, if any.</summary>
    public string? PublicIp { get; init; }

    public string? SubnetId { get; init; }

    public string? VpcId { get; init; }

    public string? AvailabilityZone { get; init; }

    /// <summary>The instance the interface is attached to; null when detached.</summary>
    public string? InstanceId { get; init; }

    public string? Description { get; init; }

    /// <summary>Defaults to the account that holds the interface.</summary>
    public string? OwnerId { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = Empty.Tags;
}
