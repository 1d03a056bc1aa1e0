namespace PostureScan.Azure.Wire;

/// <summary>The properties of Microsoft.Network/networkInterfaces that say what a NIC is.</summary>
internal sealed record NicProperties(IReadOnlyList<IpConfiguration>? IpConfigurations, SubResource? VirtualMachine);
