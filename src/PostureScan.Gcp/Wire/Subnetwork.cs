namespace PostureScan.Gcp.Wire;

/// <summary>compute#subnetwork, the fields that say which addresses a mirrored subnet covers.</summary>
internal sealed record Subnetwork(
    string? SelfLink,
    string? Name,
    string? Network,
    string? IpCidrRange,
    List<SecondaryRange>? SecondaryIpRanges);
