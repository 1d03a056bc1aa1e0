using PostureScan.Emulator.Aws;

namespace PostureScan.Emulator.Ec2;

/// <summary>DescribeTrafficMirrorFilterRules: the rules of all filters, or of TrafficMirrorFilterId, paged.</summary>
internal static class DescribeTrafficMirrorFilterRules
{
    private static readonly Ec2Listing<FilterRuleView> Listing = new(
        "TrafficMirrorFilterRuleId",
        r => r.Id,
        "InvalidTrafficMirrorFilterRuleId.NotFound",
        "traffic mirror filter rule",
        new Dictionary<string, Func<FilterRuleView, string, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["description"] = (r, _) => Ec2Values.Of(r.Rule.Description),
            ["destination-cidr-block"] = (r, _) => Ec2Values.Of(r.Rule.DestinationCidrBlock),
            ["protocol"] = (r, _) => Ec2Values.Of(r.Rule.Protocol),
            ["rule-action"] = (r, _) => Ec2Values.Of(r.Rule.Action),
            ["rule-number"] = (r, _) => Ec2Values.Of(r.Rule.RuleNumber),
            ["source-cidr-block"] = (r, _) => Ec2Values.Of(r.Rule.SourceCidrBlock),
            ["traffic-direction"] = (r, _) => Ec2Values.Of(r.Rule.Direction),
            ["traffic-mirror-filter-id"] = (r, _) => Ec2Values.Of(r.FilterId),
            ["traffic-mirror-filter-rule-id"] = (r, _) => Ec2Values.Of(r.Id),
        },
        r => r.Rule.Tags);

    public static QueryResult Handle(QueryCall call)
    {
        var filters = call.RequiredRegion.Filters;
        if (call.Parameters["TrafficMirrorFilterId"] is { } filterId)
        {
            filters = filters.Where(f => f.Id == filterId).ToList();
            if (filters.Count == 0)
            {
                return Ec2Errors.NotFound("InvalidTrafficMirrorFilterId.NotFound", "traffic mirror filter", filterId);
            }
        }

        var rules = filters.SelectMany(FilterRuleView.Of).ToList();
        var selection = Listing.Select(call, rules);
        if (selection.Error is { } error)
        {
            return error;
        }

        return Ec2Xml.Response(call, w =>
        {
            w.Set("trafficMirrorFilterRuleSet", selection.Page, (x, r) => r.Write(x));
            w.Element("nextToken", selection.NextToken);
        });
    }
}
