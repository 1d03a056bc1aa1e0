using PostureScan.Core.Inventory;

namespace PostureScan.Cisco.Parsing;

/// <summary>
/// Sets one show monitor field on a draft. Direction lines (<c>RX Only</c>, <c>both</c>) belong to the
/// source list opened by the last <c>Source Ports</c> / <c>Source VLANs</c> line, tracked in the context.
/// Returns null when the value was understood, else why not.
/// </summary>
internal static class ShowFieldReader
{
    public static string? Apply(SessionDraft draft, ShowField field, string value, ref ShowField context)
    {
        var isDirection = field is ShowField.RxSources or ShowField.TxSources or ShowField.BothSources;
        if (!isDirection)
        {
            context = field is ShowField.InterfaceSources or ShowField.VlanSources ? field : ShowField.Ignore;
        }

        if (ShowFields.IsNone(value) && field is not (ShowField.Status or ShowField.State or ShowField.Type))
        {
            return null;
        }

        return field switch
        {
            ShowField.Ignore => null,
            ShowField.Type => Kind(draft, value),
            ShowField.Status => Status(draft, value),
            ShowField.State => State(draft, value),
            ShowField.Description => Set(() => draft.Description = Printable.Bound(value, MonitorCommand.MaxDescription)),
            ShowField.InterfaceSources or ShowField.VlanSources => Sources(draft, field, value, Directions.Default),
            ShowField.RxSources => Sources(draft, context, value, TrafficDirection.Ingress),
            ShowField.TxSources => Sources(draft, context, value, TrafficDirection.Egress),
            ShowField.BothSources => Sources(draft, context, value, TrafficDirection.Both),
            ShowField.AllInterfaces => AllInterfaces(draft, value),
            ShowField.SourceRspanVlan => Vlan(value, v => draft.AddSources([new DraftSource(DraftSource.Vlan, $"{v}", Directions.Default, Remote: true)])),
            ShowField.DestinationPorts => Destinations(draft, value),
            ShowField.DestinationRspanVlan => Vlan(value, v => draft.DestinationVlan = v),
            ShowField.FilterVlans => FilterVlans(draft, value),
            ShowField.IpAccessGroup => Group(draft, "ip", value),
            ShowField.Ipv6AccessGroup => Group(draft, "ipv6", value),
            ShowField.MacAccessGroup => Group(draft, "mac", value),
            ShowField.AccessGroup => Group(draft, "acl", value),
            ShowField.FilterSgt => Group(draft, "sgt", value),
            ShowField.ErspanAddress => Address(FieldValues.FirstWord(value), a => draft.ErspanAddress = a),
            ShowField.OriginAddress => Address(FieldValues.FirstWord(value), a => draft.OriginAddress = a),
            ShowField.ErspanId => FieldValues.TryNumber(value, 0, uint.MaxValue, out var id) ? Set(() => draft.ErspanId = id) : "bad number",
            ShowField.Mtu => FieldValues.TryNumber(value, 1, ushort.MaxValue, out var mtu) ? Set(() => draft.Mtu = (int)mtu) : "bad number",
            ShowField.Vrf => Set(() => draft.Vrf = Printable.Bound(value, 64)),
            ShowField.SimpleFilterSource => Prefix(value, p => draft.SimpleFilterSource = p),
            ShowField.SimpleFilterDestination => Prefix(value, p => draft.SimpleFilterDestination = p),
            _ => "unhandled field",
        };
    }

    private static string? Kind(SessionDraft draft, string value)
    {
        if (!SessionKinds.ByDeviceName.TryGetValue(value, out var kind))
        {
            return "unknown session type";
        }

        draft.Kind = kind;
        return null;
    }

    private static string? Status(SessionDraft draft, string value)
    {
        if (value.Equals("admin enabled", StringComparison.OrdinalIgnoreCase))
        {
            draft.AdminEnabled = true;
        }
        else if (value.Equals("admin disabled", StringComparison.OrdinalIgnoreCase))
        {
            draft.AdminEnabled = false;
        }
        else
        {
            return "unknown status";
        }

        return null;
    }

    /// <summary>NX-OS: "up", "down (Session admin shut)", or down for another reason while switched on.</summary>
    private static string? State(SessionDraft draft, string value)
    {
        if (!value.StartsWith("up", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("down", StringComparison.OrdinalIgnoreCase))
        {
            return "unknown state";
        }

        draft.AdminEnabled = !value.Contains("shut", StringComparison.OrdinalIgnoreCase);
        return null;
    }

    private static string? Sources(SessionDraft draft, ShowField context, string value, TrafficDirection direction)
    {
        switch (context)
        {
            case ShowField.InterfaceSources when InterfaceList.TryParse(value, out var names):
                return draft.AddSources(names.Select(n => new DraftSource(DraftSource.Interface, n, direction))) ? null : "too many sources";
            case ShowField.VlanSources when VlanList.TryParse(value, out var vlans):
                return draft.AddSources(vlans.Select(v => new DraftSource(DraftSource.Vlan, $"{v}", direction))) ? null : "too many sources";
            case ShowField.InterfaceSources:
                return "bad interface list";
            case ShowField.VlanSources:
                return "bad VLAN list";
            default:
                return "direction outside a source list";
        }
    }

    /// <summary>NX-OS <c>src intf all : both</c>: every interface of the switch is a source.</summary>
    private static string? AllInterfaces(SessionDraft draft, string value) =>
        Directions.ByWord.TryGetValue(value, out var direction)
            ? draft.AddSources([new DraftSource(DraftSource.Interface, "all", direction)]) ? null : "too many sources"
            : "unknown direction";

    private static string? Destinations(SessionDraft draft, string value)
    {
        if (!InterfaceList.TryParse(value, out var names))
        {
            return "bad interface list";
        }

        draft.AddDestinations(names);
        return null;
    }

    private static string? FilterVlans(SessionDraft draft, string value)
    {
        if (!VlanList.TryParse(value, out var vlans))
        {
            return "bad VLAN list";
        }

        draft.FilterVlans.Add(VlanList.Format(vlans));
        return null;
    }

    private static string? Group(SessionDraft draft, string family, string name) =>
        Set(() => draft.AddAccessGroup(family, name));

    private static string? Vlan(string value, Action<int> set) =>
        FieldValues.TryVlan(value, out var vlan) ? Set(() => set(vlan)) : "bad VLAN";

    private static string? Address(string value, Action<string> set) =>
        FieldValues.TryAddress(value, out var address) ? Set(() => set(address)) : "bad IP address";

    private static string? Prefix(string value, Action<string> set) =>
        FieldValues.TryPrefix(value, out var prefix) ? Set(() => set(prefix)) : "bad prefix";

    private static string? Set(Action set)
    {
        set();
        return null;
    }
}
