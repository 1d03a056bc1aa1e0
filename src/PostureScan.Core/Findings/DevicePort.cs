namespace PostureScan.Core.Findings;

/// <summary>
/// A network device's port as its running-config describes it: what a coverage rule may select it by.
/// <paramref name="AccessVlan"/> is the VLAN of an access port, null for trunks and routed ports.
/// </summary>
public sealed record DevicePort(string Device, string Interface, string? Description, int? AccessVlan);
