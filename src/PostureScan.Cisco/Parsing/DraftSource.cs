using PostureScan.Core.Inventory;

namespace PostureScan.Cisco.Parsing;

/// <summary>
/// One mirrored source as read: an interface, a VLAN, an RSPAN VLAN (<paramref name="Remote"/>) or an
/// ERSPAN flow received at <paramref name="Address"/>.
/// </summary>
internal sealed record DraftSource(string Kind, string Id, TrafficDirection Direction, bool Remote = false, string? Address = null)
{
    public const string Interface = "interface";
    public const string Vlan = "vlan";
    public const string Erspan = "erspan";
}
