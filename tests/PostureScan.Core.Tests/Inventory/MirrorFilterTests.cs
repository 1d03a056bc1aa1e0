using PostureScan.Core.Inventory;

namespace PostureScan.Core.Tests.Inventory;

public sealed class MirrorFilterTests
{
    private static FilterRule Rule(TrafficDirection d, int n, bool accept, int? protocol = null, string? src = "0.0.0.0/0", PortRange? dstPorts = null) =>
        new($"r{n}{d}", d, n, accept, protocol, src, "0.0.0.0/0", null, dstPorts, null);

    private static MirrorFilter Filter(params FilterRule[] rules) => new("tmf-1", null, rules, [], new Dictionary<string, string>());

    [Fact]
    public void Accept_all_in_both_directions_accepts_everything()
    {
        var filter = Filter(Rule(TrafficDirection.Ingress, 100, true), Rule(TrafficDirection.Egress, 100, true));

        Assert.True(filter.AcceptsEverything);
        Assert.Equal(TrafficDirection.Both, filter.AcceptedDirections);
    }

    [Fact]
    public void A_lower_numbered_reject_narrows_the_capture()
    {
        var filter = Filter(
            Rule(TrafficDirection.Ingress, 10, false, protocol: 17, dstPorts: new PortRange(53, 53)),
            Rule(TrafficDirection.Ingress, 100, true),
            Rule(TrafficDirection.Egress, 100, true));

        Assert.False(filter.AcceptsEverything);
    }

    [Fact]
    public void One_direction_only_is_not_everything()
    {
        var filter = Filter(Rule(TrafficDirection.Ingress, 1, true));

        Assert.False(filter.AcceptsEverything);
        Assert.Equal(TrafficDirection.Ingress, filter.AcceptedDirections);
    }

    [Theory]
    [InlineData(6, null)]
    [InlineData(null, "10.0.0.0/8")]
    public void A_protocol_or_a_narrow_cidr_is_not_everything(int? protocol, string? source)
    {
        var filter = Filter(Rule(TrafficDirection.Ingress, 1, true, protocol, source ?? "0.0.0.0/0"), Rule(TrafficDirection.Egress, 1, true, protocol, source ?? "0.0.0.0/0"));

        Assert.False(filter.AcceptsEverything);
    }

    [Fact]
    public void A_filter_with_no_accept_rule_accepts_no_direction()
    {
        Assert.Null(Filter(Rule(TrafficDirection.Ingress, 1, false)).AcceptedDirections);
        Assert.Null(Filter().AcceptedDirections);
    }
}
