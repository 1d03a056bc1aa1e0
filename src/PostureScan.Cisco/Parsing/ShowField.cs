namespace PostureScan.Cisco.Parsing;

/// <summary>What a <c>key : value</c> line of show monitor output sets.</summary>
internal enum ShowField
{
    Ignore,
    Type,
    Status,
    State,
    Description,
    InterfaceSources,
    VlanSources,
    RxSources,
    TxSources,
    BothSources,
    AllInterfaces,
    SourceRspanVlan,
    DestinationPorts,
    DestinationRspanVlan,
    FilterVlans,
    IpAccessGroup,
    Ipv6AccessGroup,
    MacAccessGroup,
    AccessGroup,
    FilterSgt,
    ErspanAddress,
    ErspanId,
    OriginAddress,
    Vrf,
    Mtu,
    SimpleFilterSource,
    SimpleFilterDestination,
}
