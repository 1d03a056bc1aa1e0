namespace PostureScan.Emulator.Worlds;

/// <summary>A regional forwarding rule: the front end of the internal load balancer that collects mirrored packets.</summary>
public sealed record GcpForwardingRule
{
    public string Name { get; init; } = "";

    public string? Id { get; init; }

    public string? Description { get; init; }

    /// <summary>Served as "IPAddress".</summary>
    public string IpAddress { get; init; } = "";

    /// <summary>INTERNAL (default), INTERNAL_MANAGED, INTERNAL_SELF_MANAGED, EXTERNAL or EXTERNAL_MANAGED.</summary>
    public string LoadBalancingScheme { get; init; } = "INTERNAL";

    /// <summary>Whether the rule is marked as a packet mirroring collector.</summary>
    public bool IsMirroringCollector { get; init; } = true;

    public string Network { get; init; } = "";

    public IReadOnlyDictionary<string, string> Labels { get; init; } = Empty.Tags;
}
