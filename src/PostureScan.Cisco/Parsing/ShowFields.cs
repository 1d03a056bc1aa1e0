using System.Collections.Frozen;

namespace PostureScan.Cisco.Parsing;

/// <summary>
/// The keys of IOS-XE (<c>Destination IP Address</c>) and NX-OS (<c>destination-ip</c>) show monitor
/// output, lower-cased with single spaces, and the field each one sets.
/// </summary>
internal static class ShowFields
{
    public static FrozenDictionary<string, ShowField> ByKey { get; } = new Dictionary<string, ShowField>
    {
        ["type"] = ShowField.Type,
        ["status"] = ShowField.Status,
        ["state"] = ShowField.State,
        ["description"] = ShowField.Description,
        ["source ports"] = ShowField.InterfaceSources,
        ["source subinterfaces"] = ShowField.InterfaceSources,
        ["source efps"] = ShowField.InterfaceSources,
        ["source intf"] = ShowField.InterfaceSources,
        ["source vlans"] = ShowField.VlanSources,
        ["rx only"] = ShowField.RxSources,
        ["rx"] = ShowField.RxSources,
        ["tx only"] = ShowField.TxSources,
        ["tx"] = ShowField.TxSources,
        ["both"] = ShowField.BothSources,
        ["src intf all"] = ShowField.AllInterfaces,
        ["source rspan vlan"] = ShowField.SourceRspanVlan,
        ["destination ports"] = ShowField.DestinationPorts,
        ["dest rspan vlan"] = ShowField.DestinationRspanVlan,
        ["filter vlans"] = ShowField.FilterVlans,
        ["ip access-group"] = ShowField.IpAccessGroup,
        ["ipv6 access-group"] = ShowField.Ipv6AccessGroup,
        ["mac access-group"] = ShowField.MacAccessGroup,
        ["filter access-group"] = ShowField.AccessGroup,
        ["acl-name"] = ShowField.AccessGroup,
        ["filter sgt"] = ShowField.FilterSgt,
        ["destination ip address"] = ShowField.ErspanAddress,
        ["destination-ip"] = ShowField.ErspanAddress,
        ["source ip address"] = ShowField.ErspanAddress,
        ["source-ip"] = ShowField.ErspanAddress,
        ["destination erspan id"] = ShowField.ErspanId,
        ["source erspan id"] = ShowField.ErspanId,
        ["erspan-id"] = ShowField.ErspanId,
        ["origin ip address"] = ShowField.OriginAddress,
        ["origin-ip"] = ShowField.OriginAddress,
        ["vrf-name"] = ShowField.Vrf,
        ["mtu"] = ShowField.Mtu,
        ["src-ip"] = ShowField.SimpleFilterSource,
        ["dest-ip"] = ShowField.SimpleFilterDestination,

        // Known, and not about which packets go where.
        ["encapsulation"] = ShowField.Ignore,
        ["ingress"] = ShowField.Ignore,
        ["source drop-cause"] = ShowField.Ignore,
        ["source exception"] = ShowField.Ignore,
        ["mode"] = ShowField.Ignore,
        ["ssn direction"] = ShowField.Ignore,
        ["ip-ttl"] = ShowField.Ignore,
        ["ip-dscp"] = ShowField.Ignore,
        ["simple filter"] = ShowField.Ignore,
        ["trace-route"] = ShowField.Ignore,
        ["eth-type"] = ShowField.Ignore,
        ["frame-type"] = ShowField.Ignore,
        ["filter count"] = ShowField.Ignore,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Values that mean "nothing here".</summary>
    public static bool IsNone(string value) =>
        value.Length == 0 || value is "-" || value.Equals("none", StringComparison.OrdinalIgnoreCase)
        || value.Equals("acl-name not specified", StringComparison.OrdinalIgnoreCase);
}
