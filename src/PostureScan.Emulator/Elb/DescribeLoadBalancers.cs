using System.Globalization;
using PostureScan.Emulator.Aws;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Elb;

/// <summary>
/// DescribeLoadBalancers: the network load balancers that the region's mirror targets name,
/// with the scheme and DNS name the world gives them. Filtered by LoadBalancerArns.member.N or
/// Names.member.N; paged by PageSize and Marker.
/// </summary>
internal static class DescribeLoadBalancers
{
    public static QueryResult Handle(QueryCall call)
    {
        var p = call.Parameters;
        var all = call.RequiredRegion.Targets
            .Where(t => t.Type == AwsTargetType.NetworkLoadBalancer && t.NetworkLoadBalancerArn is not null)
            .DistinctBy(t => t.NetworkLoadBalancerArn, StringComparer.Ordinal)
            .ToList();

        var arns = p.List("LoadBalancerArns.member");
        var names = p.List("Names.member");
        if (arns.Count > 0 && names.Count > 0)
        {
            return QueryResult.Fail(400, "ValidationError", "Load balancer names and load balancer ARNs cannot be specified at the same time");
        }

        var selected = arns.Count > 0 ? all.Where(t => arns.Contains(t.NetworkLoadBalancerArn!)).ToList()
            : names.Count > 0 ? all.Where(t => names.Contains(Name(t.NetworkLoadBalancerArn!))).ToList()
            : all;
        if ((arns.Count > 0 && selected.Count < arns.Distinct().Count()) || (names.Count > 0 && selected.Count < names.Distinct().Count()))
        {
            return QueryResult.Fail(400, "LoadBalancerNotFound", "One or more load balancers not found");
        }

        if (!p.TryGetInt("PageSize", out var pageSize) || pageSize is < 1 or > 400)
        {
            return QueryResult.Fail(400, "ValidationError", "1 validation error detected: Value at 'pageSize' failed to satisfy constraint: Member must have value between 1 and 400");
        }

        var offset = 0;
        if (p["Marker"] is { Length: > 0 } marker && !int.TryParse(marker, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            return QueryResult.Fail(400, "ValidationError", "Invalid marker");
        }

        var page = selected.Skip(offset).Take(pageSize ?? selected.Count).ToList();
        var next = offset + page.Count < selected.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        return QueryXml.Response(call, ElbService.Namespace, w =>
        {
            w.WriteStartElement("LoadBalancers");
            foreach (var target in page)
            {
                w.WriteStartElement("member");
                w.Element("LoadBalancerArn", target.NetworkLoadBalancerArn);
                w.Element("DNSName", target.DnsName ?? DefaultDnsName(target, call.RegionName));
                w.Element("LoadBalancerName", Name(target.NetworkLoadBalancerArn!));
                w.Element("Scheme", target.Scheme ?? "internal");
                w.Element("VpcId", target.VpcId);
                w.WriteStartElement("State");
                w.Element("Code", "active");
                w.WriteEndElement();
                w.Element("Type", "network");
                w.Element("IpAddressType", "ipv4");
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.Element("NextMarker", next);
        });
    }

    /// <summary>arn:aws:elasticloadbalancing:REGION:ACCOUNT:loadbalancer/net/NAME/ID -> NAME.</summary>
    private static string Name(string arn)
    {
        var parts = arn.Split('/');
        return parts.Length >= 3 ? parts[^2] : arn;
    }

    private static string DefaultDnsName(AwsMirrorTarget target, string region)
    {
        var parts = target.NetworkLoadBalancerArn!.Split('/');
        var prefix = target.Scheme == "internet-facing" ? "" : "internal-";
        return $"{prefix}{Name(target.NetworkLoadBalancerArn!)}-{parts[^1]}.elb.{region}.amazonaws.com";
    }
}
