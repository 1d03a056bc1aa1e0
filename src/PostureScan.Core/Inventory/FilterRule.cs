namespace PostureScan.Core.Inventory;

/// <summary>One rule of a mirror filter. A null protocol, port range or CIDR matches everything.</summary>
public sealed record FilterRule(
    string Id,
    TrafficDirection Direction,
    int RuleNumber,
    bool Accept,
    int? Protocol,
    string? SourceCidr,
    string? DestinationCidr,
    PortRange? SourcePorts,
    PortRange? DestinationPorts,
    string? Description)
{
    /// <summary>True when this rule, on its own, accepts every packet in its direction.</summary>
    public bool AcceptsEverything =>
        Accept
        && Protocol is null or 0 or -1
        && IsAnyAddress(SourceCidr)
        && IsAnyAddress(DestinationCidr)
        && (SourcePorts is null || SourcePorts.IsAll)
        && (DestinationPorts is null || DestinationPorts.IsAll);

    private static bool IsAnyAddress(string? cidr) => cidr is null or "" or "0.0.0.0/0" or "::/0";
}
