using PostureScan.Core.Inventory;

namespace PostureScan.Core.Checks;

/// <summary>Short phrases for finding messages. Cloud values are bounded here; outputs escape them.</summary>
internal static class Describe
{
    public static string Text(string? value, int max = 120) =>
        value is null ? "-" : value.Length <= max ? value : value[..max] + "...";

    public static string Target(MirrorSession session) => session.Target is { } t
        ? $"{KindName(t.Kind)} {Text(t.ResourceId ?? t.Id)}" + (t.Address is { } a ? $" ({Text(a, 45)})" : "")
        : $"target {Text(session.TargetId)} (not described)";

    public static string Session(MirrorSession session) =>
        $"mirror {Text(session.Id)}" + (session.Name is { Length: > 0 } n ? $" '{Text(n, 60)}'" : "");

    private static string KindName(TargetKind kind) => kind switch
    {
        TargetKind.NetworkInterface => "network interface",
        TargetKind.NetworkLoadBalancer => "network load balancer",
        TargetKind.GatewayLoadBalancerEndpoint => "gateway load balancer endpoint",
        TargetKind.LoadBalancerFrontend => "load balancer frontend",
        TargetKind.ForwardingRule => "forwarding rule",
        TargetKind.SwitchPort => "switch port",
        TargetKind.RemoteVlan => "remote VLAN",
        TargetKind.ErspanAddress => "ERSPAN destination",
        _ => "destination",
    };
}
