using PostureScan.Core.Checks.AcceptAllFilter;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Core.Tests.Checks;

public class AcceptAllFilterCheckTests
{
    private const string Collector = "version: 1\ncollectors: [{ name: ndr, providerIds: [tmt-ndr] }]";

    private readonly AcceptAllFilterCheck check = new();

    private static MirrorFilter Narrow => Some.Filter(rules:
    [
        Some.Rule(TrafficDirection.Ingress, 10, accept: false, protocol: 17, destinationPorts: new PortRange(53, 53)),
        Some.Rule(TrafficDirection.Ingress, 100),
        Some.Rule(TrafficDirection.Egress, 100, protocol: 6),
    ]);

    [Fact]
    public void A_narrow_filter_passes()
    {
        Assert.Empty(CheckHarness.Run(check, Some.Session(filter: Narrow)));
    }

    [Fact]
    public void An_accept_all_filter_to_an_unsanctioned_destination_fails()
    {
        var session = Some.Session(filter: Some.Filter());

        var result = Assert.Single(CheckHarness.Run(check, session));

        Assert.Contains("accepts every packet in both directions", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_session_without_any_filter_copies_everything_and_fails()
    {
        var session = Some.Session() with { Filter = null, FilterId = null };

        Assert.EndsWith("has no filter", Assert.Single(CheckHarness.Run(check, session)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanctioned_mirrors_are_reported_only_when_the_setting_asks()
    {
        var session = Some.Session(target: Some.Target(id: "tmt-ndr"), filter: Some.Filter());
        var input = new EvaluationInput(Some.RunOf(session));

        Assert.Empty(CheckHarness.Run(check, input, Policies.Parse(Collector)));
        Assert.Single(CheckHarness.Run(check, input, Policies.Parse(Collector + "\nchecks:\n  accept-all-filter:\n    includeSanctioned: true")));
    }
}
