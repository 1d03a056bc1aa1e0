namespace PostureScan.Gcp.Wire;

/// <summary>A subnetwork's secondary (alias IP) range.</summary>
internal sealed record SecondaryRange(string? RangeName, string? IpCidrRange);
