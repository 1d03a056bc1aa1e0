using System.Globalization;
using PostureScan.Cisco.Parsing;
using PostureScan.Core.Inventory;

namespace PostureScan.Cisco.Mapping;

/// <summary>
/// Where a session's copies go: an ERSPAN address (anywhere an IP route leads, so its owner is unknown),
/// an RSPAN VLAN, or local switch ports. Several destination ports are kept together in one target,
/// comma-separated in <see cref="MirrorTarget.ResourceId"/>.
/// </summary>
internal static class MirrorTargetFactory
{
    public static MirrorTarget? Create(SessionDraft draft, SessionKind kind, string device)
    {
        if (kind == SessionKind.ErspanSource)
        {
            return draft.ErspanAddress is { } address ? Erspan(draft, address) : null;
        }

        if (kind != SessionKind.ErspanDestination && draft.DestinationVlan is { } vlan)
        {
            var id = vlan.ToString(CultureInfo.InvariantCulture);
            return new MirrorTarget($"{device}/vlan/{id}", TargetKind.RemoteVlan, id, null, null, device, false, $"RSPAN VLAN {id}", new Dictionary<string, string>());
        }

        if (draft.DestinationInterfaces.Count > 0)
        {
            var ports = string.Join(',', draft.DestinationInterfaces);
            return new MirrorTarget($"{device}/interface/{ports}", TargetKind.SwitchPort, ports, null, null, device, false, null, new Dictionary<string, string>());
        }

        return null;
    }

    private static MirrorTarget Erspan(SessionDraft draft, string address)
    {
        var tags = new Dictionary<string, string>();
        if (draft.ErspanId is { } erspanId)
        {
            tags["erspan-id"] = erspanId.ToString(CultureInfo.InvariantCulture);
        }

        if (draft.OriginAddress is { } origin)
        {
            tags["origin-ip"] = origin;
        }

        if (draft.Vrf is { } vrf)
        {
            tags["vrf"] = vrf;
        }

        var description = draft.ErspanId is { } id ? $"ERSPAN to {address}, ERSPAN id {id}" : $"ERSPAN to {address}";
        return new MirrorTarget($"erspan/{address}", TargetKind.ErspanAddress, null, address, null, null, null, description, tags);
    }
}
