using System.Xml;
using PostureScan.Emulator.Aws;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Ec2;

/// <summary>DescribeTrafficMirrorTargets: trafficMirrorTargetSet, paged.</summary>
internal static class DescribeTrafficMirrorTargets
{
    private static readonly Ec2Listing<AwsMirrorTarget> Listing = new(
        "TrafficMirrorTargetId",
        t => t.Id,
        "InvalidTrafficMirrorTargetId.NotFound",
        "traffic mirror target",
        new Dictionary<string, Func<AwsMirrorTarget, string, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["description"] = (t, _) => Ec2Values.Of(t.Description),
            ["network-interface-id"] = (t, _) => Ec2Values.Of(t.NetworkInterfaceId),
            ["network-load-balancer-arn"] = (t, _) => Ec2Values.Of(t.NetworkLoadBalancerArn),
            ["owner-id"] = (t, account) => Ec2Values.Of(t.OwnerId ?? account),
            ["traffic-mirror-target-id"] = (t, _) => Ec2Values.Of(t.Id),
        },
        t => t.Tags);

    public static QueryResult Handle(QueryCall call)
    {
        var selection = Listing.Select(call, call.RequiredRegion.Targets);
        if (selection.Error is { } error)
        {
            return error;
        }

        return Ec2Xml.Response(call, w =>
        {
            w.Set("trafficMirrorTargetSet", selection.Page, (x, t) => Write(x, t, call.Account.Id));
            w.Element("nextToken", selection.NextToken);
        });
    }

    /// <summary>Element order as EC2 writes it: the GWLB endpoint id comes after the tags.</summary>
    private static void Write(XmlWriter w, AwsMirrorTarget t, string account)
    {
        w.Element("trafficMirrorTargetId", t.Id);
        w.Element("networkInterfaceId", t.NetworkInterfaceId);
        w.Element("networkLoadBalancerArn", t.NetworkLoadBalancerArn);
        w.Element("type", t.Type);
        w.Element("description", t.Description);
        w.Element("ownerId", t.OwnerId ?? account);
        w.Tags(t.Tags);
        w.Element("gatewayLoadBalancerEndpointId", t.GatewayLoadBalancerEndpointId);
    }
}
