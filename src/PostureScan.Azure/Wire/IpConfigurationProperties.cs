namespace PostureScan.Azure.Wire;

/// <summary>Where an IP configuration sits: its private address, subnet and any public address resource.</summary>
internal sealed record IpConfigurationProperties(string? PrivateIPAddress, SubResource? Subnet, SubResource? PublicIPAddress, bool? Primary);
