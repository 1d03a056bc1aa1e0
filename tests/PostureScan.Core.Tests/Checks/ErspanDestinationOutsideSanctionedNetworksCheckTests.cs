using PostureScan.Core.Checks;
using PostureScan.Core.Checks.ErspanDestinationOutsideSanctionedNetworks;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Core.Tests.Checks;

public sealed class ErspanDestinationOutsideSanctionedNetworksCheckTests
{
    private static readonly Scope Router = new(Providers.Cisco, "edge-rtr2", Scope.Global);

    private readonly ErspanDestinationOutsideSanctionedNetworksCheck check = new();

    private static MirrorSession Erspan(string? address, bool enabled = true) => Some.Session(
        id: "edge-rtr2/session/7",
        scope: Router,
        target: new MirrorTarget($"erspan/{address}", TargetKind.ErspanAddress, null, address, null, null, null, null, new Dictionary<string, string>()),
        enabled: enabled);

    private static IReadOnlyList<CheckResult> Run(ICheck check, MirrorSession session, string policy) =>
        CheckHarness.Run(check, new EvaluationInput(Some.RunOf(session)), Policies.Parse(policy));

    [Theory]
    [InlineData("10.77.0.20")]
    [InlineData("10.255.255.254")]
    public void An_erspan_destination_inside_the_sanctioned_networks_passes(string address)
    {
        Assert.Empty(Run(check, Erspan(address), "version: 1\nerspanNetworks: [10.0.0.0/8]"));
    }

    [Fact]
    public void An_erspan_destination_outside_them_fails_and_names_the_address()
    {
        var result = Assert.Single(Run(check, Erspan("198.51.100.23"), "version: 1\nerspanNetworks: [10.0.0.0/8]"));

        Assert.Equal((CheckOutcome.Fail, "edge-rtr2/session/7"), (result.Outcome, result.ResourceId));
        Assert.Contains("198.51.100.23, outside 10.0.0.0/8", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shut_down_session_to_an_outside_address_is_reported_as_staged()
    {
        var result = Assert.Single(Run(check, Erspan("203.0.113.45", enabled: false), "version: 1\nerspanNetworks: [10.0.0.0/8]"));

        Assert.Contains("(shut down)", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_erspan_networks_the_collectors_cidrs_are_the_sanctioned_networks()
    {
        const string policy = "version: 1\ncollectors:\n  - name: erspan-sensors\n    cidrs: [10.77.0.0/24]";

        Assert.Empty(Run(check, Erspan("10.77.0.20"), policy));
        Assert.Single(Run(check, Erspan("10.78.0.20"), policy));
    }

    [Fact]
    public void With_nothing_sanctioned_every_erspan_destination_fails()
    {
        var result = Assert.Single(Run(check, Erspan("10.77.0.20"), "version: 1"));

        Assert.Contains("no network is sanctioned for ERSPAN", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_destination_that_is_not_an_address_cannot_be_judged_and_is_an_error()
    {
        var result = Assert.Single(Run(check, Erspan("collector.example"), "version: 1\nerspanNetworks: [10.0.0.0/8]"));

        Assert.Equal(CheckOutcome.Error, result.Outcome);
    }

    [Fact]
    public void Other_kinds_of_destination_are_not_judged_here()
    {
        Assert.Empty(Run(check, Some.Session(target: Some.Target(address: "203.0.113.9")), "version: 1\nerspanNetworks: [10.0.0.0/8]"));
    }
}
