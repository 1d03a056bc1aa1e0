namespace PostureScan.Azure.Wire;

/// <summary>The properties of Microsoft.Network/virtualNetworkTaps (exactly one destination is set).</summary>
internal sealed record TapProperties(
    SubResource? DestinationNetworkInterfaceIPConfiguration,
    SubResource? DestinationLoadBalancerFrontEndIPConfiguration,
    int? DestinationPort,
    string? ProvisioningState,
    IReadOnlyList<SubResource>? NetworkInterfaceTapConfigurations);
