using PostureScan.Emulator.Aws;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Ec2;

/// <summary>
/// DescribeRegions: the caller account's regions (regionInfo). Regions not opted in are listed
/// only with AllRegions=true or when named in RegionName.N, as EC2 does. Not paged.
/// </summary>
internal static class DescribeRegions
{
    private static readonly Ec2Listing<AwsRegion> Listing = new(
        "RegionName",
        r => r.Name,
        "InvalidParameterValue",
        "region",
        new Dictionary<string, Func<AwsRegion, string, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["endpoint"] = (r, _) => Ec2Values.Of(Endpoint(r)),
            ["opt-in-status"] = (r, _) => Ec2Values.Of(r.OptInStatus),
            ["region-name"] = (r, _) => Ec2Values.Of(r.Name),
        },
        Paged: false);

    public static QueryResult Handle(QueryCall call)
    {
        var regions = call.Parameters.IsTrue("AllRegions") || call.Parameters["RegionName.1"] is not null
            ? call.Account.Regions
            : call.Account.Regions.Where(r => AwsOptInStatus.IsEnabled(r.OptInStatus)).ToList();
        var selection = Listing.Select(call, regions);
        if (selection.Error is { } error)
        {
            return error;
        }

        return Ec2Xml.Response(call, w => w.Set("regionInfo", selection.Page, (x, r) =>
        {
            x.Element("regionName", r.Name);
            x.Element("regionEndpoint", Endpoint(r));
            x.Element("optInStatus", r.OptInStatus);
        }));
    }

    private static string Endpoint(AwsRegion region) => $"ec2.{region.Name}.amazonaws.com";
}
