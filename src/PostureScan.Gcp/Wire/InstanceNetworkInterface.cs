using System.Text.Json.Serialization;

namespace PostureScan.Gcp.Wire;

/// <summary>One network interface of an instance, with its internal address ("networkIP").</summary>
internal sealed record InstanceNetworkInterface(
    string? Network,
    string? Subnetwork,
    [property: JsonPropertyName("networkIP")] string? NetworkIp);
