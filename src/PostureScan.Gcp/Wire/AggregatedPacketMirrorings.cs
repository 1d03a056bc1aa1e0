namespace PostureScan.Gcp.Wire;

/// <summary>compute#packetMirroringAggregatedList: one entry per scope ("regions/us-central1").</summary>
internal sealed record AggregatedPacketMirrorings(
    Dictionary<string, PacketMirroringsScopedList>? Items,
    string? NextPageToken,
    List<string>? Unreachables);
