using PostureScan.Core.Checks.DestinationInternetFacing;
using PostureScan.Core.Inventory;
using PostureScan.Core.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Core.Tests.Checks;

public class DestinationInternetFacingCheckTests
{
    private readonly DestinationInternetFacingCheck check = new();

    [Theory]
    [InlineData("10.0.9.10")]
    [InlineData("172.31.255.1")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.3.2")]
    [InlineData("fd00::5")]
    [InlineData(null)]
    public void Internal_targets_pass(string? address)
    {
        Assert.Empty(CheckHarness.Run(check, Some.Session(target: Some.Target(address: address, internetFacing: false))));
    }

    [Fact]
    public void An_internet_facing_load_balancer_fails()
    {
        var session = Some.Session(target: Some.Target(kind: TargetKind.NetworkLoadBalancer, address: null, internetFacing: true));

        var result = Assert.Single(CheckHarness.Run(check, session));

        Assert.EndsWith("which is internet-facing", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("203.0.113.40")]
    [InlineData("2001:db8::40")]
    [InlineData("::ffff:198.51.100.7")]
    public void A_target_with_a_public_address_fails_even_when_not_flagged(string address)
    {
        var result = Assert.Single(CheckHarness.Run(check, Some.Session(target: Some.Target(address: address, internetFacing: null))));

        Assert.EndsWith("which has a public address", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_that_could_not_be_described_is_not_judged_here()
    {
        Assert.Empty(CheckHarness.Run(check, Some.Session() with { Target = null }));
    }
}
