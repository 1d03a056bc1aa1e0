using System.Xml;
using PostureScan.Emulator.Aws;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Ec2;

/// <summary>DescribeTrafficMirrorSessions: trafficMirrorSessionSet, paged.</summary>
internal static class DescribeTrafficMirrorSessions
{
    private static readonly Ec2Listing<AwsMirrorSession> Listing = new(
        "TrafficMirrorSessionId",
        s => s.Id,
        "InvalidTrafficMirrorSessionId.NotFound",
        "traffic mirror session",
        new Dictionary<string, Func<AwsMirrorSession, string, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["description"] = (s, _) => Ec2Values.Of(s.Description),
            ["network-interface-id"] = (s, _) => Ec2Values.Of(s.NetworkInterfaceId),
            ["owner-id"] = (s, account) => Ec2Values.Of(s.OwnerId ?? account),
            ["packet-length"] = (s, _) => Ec2Values.Of(s.PacketLength),
            ["session-number"] = (s, _) => Ec2Values.Of(s.SessionNumber),
            ["traffic-mirror-filter-id"] = (s, _) => Ec2Values.Of(s.FilterId),
            ["traffic-mirror-session-id"] = (s, _) => Ec2Values.Of(s.Id),
            ["traffic-mirror-target-id"] = (s, _) => Ec2Values.Of(s.TargetId),
            ["virtual-network-id"] = (s, _) => Ec2Values.Of(s.VirtualNetworkId),
        },
        s => s.Tags);

    public static QueryResult Handle(QueryCall call)
    {
        var selection = Listing.Select(call, call.RequiredRegion.Sessions);
        if (selection.Error is { } error)
        {
            return error;
        }

        return Ec2Xml.Response(call, w =>
        {
            w.Set("trafficMirrorSessionSet", selection.Page, (x, s) => Write(x, s, call.Account.Id));
            w.Element("nextToken", selection.NextToken);
        });
    }

    private static void Write(XmlWriter w, AwsMirrorSession s, string account)
    {
        w.Element("trafficMirrorSessionId", s.Id);
        w.Element("trafficMirrorTargetId", s.TargetId);
        w.Element("trafficMirrorFilterId", s.FilterId);
        w.Element("networkInterfaceId", s.NetworkInterfaceId);
        w.Element("ownerId", s.OwnerId ?? account);
        w.Element("packetLength", s.PacketLength);
        w.Element("sessionNumber", s.SessionNumber);
        w.Element("virtualNetworkId", s.VirtualNetworkId);
        w.Element("description", s.Description);
        w.Tags(s.Tags);
    }
}
