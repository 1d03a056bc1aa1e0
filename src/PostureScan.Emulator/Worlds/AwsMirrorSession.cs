namespace PostureScan.Emulator.Worlds;

/// <summary>A traffic mirror session, with EC2's wire fields.</summary>
public sealed record AwsMirrorSession
{
    /// <summary>The trafficMirrorSessionId (tms-...).</summary>
    public string Id { get; init; } = "";

    public string TargetId { get; init; } = "";

    public string FilterId { get; init; } = "";

    /// <summary>The mirrored source ENI.</summary>
    public string NetworkInterfaceId { get; init; } = "";

    /// <summary>Defaults to the account that holds the session.</summary>
    public string? OwnerId { get; init; }

    public int? PacketLength { get; init; }

    public int SessionNumber { get; init; } = 1;

    public int? VirtualNetworkId { get; init; }

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = Empty.Tags;
}
