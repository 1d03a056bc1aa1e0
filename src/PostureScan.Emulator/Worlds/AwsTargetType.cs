namespace PostureScan.Emulator.Worlds;

/// <summary>The values of EC2's TrafficMirrorTargetType.</summary>
public static class AwsTargetType
{
    public const string NetworkInterface = "network-interface";
    public const string NetworkLoadBalancer = "network-load-balancer";
    public const string GatewayLoadBalancerEndpoint = "gateway-load-balancer-endpoint";

    internal static IReadOnlyList<string> All { get; } = [NetworkInterface, NetworkLoadBalancer, GatewayLoadBalancerEndpoint];
}
