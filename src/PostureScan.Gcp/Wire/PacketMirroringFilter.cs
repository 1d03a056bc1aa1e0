using System.Text.Json.Serialization;

namespace PostureScan.Gcp.Wire;

/// <summary>The policy's filter. Note the wire name "IPProtocols", with a capital "IP".</summary>
internal sealed record PacketMirroringFilter(
    List<string>? CidrRanges,
    [property: JsonPropertyName("IPProtocols")] List<string>? IpProtocols,
    string? Direction);
