using System.Xml;
using PostureScan.Emulator.Aws;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Ec2;

/// <summary>DescribeTrafficMirrorFilters: trafficMirrorFilterSet with the rules of each direction, paged.</summary>
internal static class DescribeTrafficMirrorFilters
{
    private static readonly Ec2Listing<AwsMirrorFilter> Listing = new(
        "TrafficMirrorFilterId",
        f => f.Id,
        "InvalidTrafficMirrorFilterId.NotFound",
        "traffic mirror filter",
        new Dictionary<string, Func<AwsMirrorFilter, string, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["description"] = (f, _) => Ec2Values.Of(f.Description),
            ["traffic-mirror-filter-id"] = (f, _) => Ec2Values.Of(f.Id),
        },
        f => f.Tags);

    public static QueryResult Handle(QueryCall call)
    {
        var selection = Listing.Select(call, call.RequiredRegion.Filters);
        if (selection.Error is { } error)
        {
            return error;
        }

        return Ec2Xml.Response(call, w =>
        {
            w.Set("trafficMirrorFilterSet", selection.Page, Write);
            w.Element("nextToken", selection.NextToken);
        });
    }

    private static void Write(XmlWriter w, AwsMirrorFilter f)
    {
        var rules = FilterRuleView.Of(f).OrderBy(r => r.Rule.RuleNumber).ToList();
        w.Element("trafficMirrorFilterId", f.Id);
        w.Set("ingressFilterRuleSet", rules.Where(r => r.Rule.Direction == "ingress"), (x, r) => r.Write(x));
        w.Set("egressFilterRuleSet", rules.Where(r => r.Rule.Direction == "egress"), (x, r) => r.Write(x));
        w.Set("networkServiceSet", f.NetworkServices, (x, service) => x.WriteString(service));
        w.Element("description", f.Description);
        w.Tags(f.Tags);
    }
}
