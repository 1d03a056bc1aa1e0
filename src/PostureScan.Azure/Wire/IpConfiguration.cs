namespace PostureScan.Azure.Wire;

/// <summary>A NIC IP configuration or a load balancer frontend IP configuration: the two share these fields.</summary>
internal sealed record IpConfiguration(string? Id, string? Name, IpConfigurationProperties? Properties);
