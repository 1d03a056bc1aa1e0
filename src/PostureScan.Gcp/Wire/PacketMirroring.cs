namespace PostureScan.Gcp.Wire;

/// <summary>compute#packetMirroring. <see cref="Enable"/> is the string "TRUE" or "FALSE", not a boolean.</summary>
internal sealed record PacketMirroring(
    string? Id,
    string? Name,
    string? Description,
    string? Region,
    ResourceRef? Network,
    long? Priority,
    ResourceRef? CollectorIlb,
    MirroredResources? MirroredResources,
    PacketMirroringFilter? Filter,
    string? Enable,
    string? SelfLink);
