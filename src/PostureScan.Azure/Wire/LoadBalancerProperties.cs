namespace PostureScan.Azure.Wire;

/// <summary>The properties of Microsoft.Network/loadBalancers: its frontends.</summary>
internal sealed record LoadBalancerProperties(IReadOnlyList<IpConfiguration>? FrontendIPConfigurations);
