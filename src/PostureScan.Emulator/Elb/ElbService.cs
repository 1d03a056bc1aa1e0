using PostureScan.Emulator.Aws;

namespace PostureScan.Emulator.Elb;

/// <summary>Elastic Load Balancing v2 (API version 2015-12-01): DescribeLoadBalancers for mirror targets.</summary>
internal static class ElbService
{
    public const string Namespace = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

    private static readonly Dictionary<string, QueryAction> Actions = new(StringComparer.Ordinal)
    {
        ["DescribeLoadBalancers"] = DescribeLoadBalancers.Handle,
    };

    public static QueryService Create() =>
        new("elasticloadbalancing", Actions, QueryXml.CommonErrors(), QueryXml.ErrorWriter(Namespace), Regional: true, SupportsDryRun: false);
}
