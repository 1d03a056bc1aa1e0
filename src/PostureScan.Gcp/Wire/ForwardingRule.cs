using System.Text.Json.Serialization;

namespace PostureScan.Gcp.Wire;

/// <summary>compute#forwardingRule: the collector's address, scheme and whether it is marked as a mirroring collector.</summary>
internal sealed record ForwardingRule(
    string? SelfLink,
    string? Name,
    string? Description,
    [property: JsonPropertyName("IPAddress")] string? IpAddress,
    string? LoadBalancingScheme,
    bool? IsMirroringCollector,
    string? Network,
    Dictionary<string, string>? Labels);
