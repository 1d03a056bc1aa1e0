namespace PostureScan.Core.Inventory;

/// <summary>Where mirrored packets are delivered.</summary>
public enum TargetKind
{
    Unknown,
    NetworkInterface,
    NetworkLoadBalancer,
    GatewayLoadBalancerEndpoint,
    LoadBalancerFrontend,
    ForwardingRule,
    SwitchPort,
    RemoteVlan,
    ErspanAddress,
}
