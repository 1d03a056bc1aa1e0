using PostureScan.Core.Checks;
using PostureScan.Core.Checks.CreatedFromUnapprovedNetwork;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Policy;
using PostureScan.Core.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Core.Tests.Checks;

public class CreatedFromUnapprovedNetworkCheckTests
{
    private static readonly MirrorPolicy Networks = Policies.Parse("version: 1\nsourceNetworks: [10.0.0.0/8, 2001:db8:aa::/48]");

    private readonly CreatedFromUnapprovedNetworkCheck check = new();

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("2001:db8:aa::7")]
    public void Changes_from_allowed_networks_pass(string ip)
    {
        var session = Some.Session();

        Assert.Empty(Run(session, Some.Attribution(session.Id, sourceIp: ip, changes: [Some.Change("someone", ip)])));
    }

    [Theory]
    [InlineData("203.0.113.9", "from 203.0.113.9")]
    [InlineData("ec2.amazonaws.com", "from ec2.amazonaws.com")]
    [InlineData(null, "from an unknown address")]
    public void A_creation_from_elsewhere_fails(string? ip, string expected)
    {
        var session = Some.Session();

        var result = Assert.Single(Run(session, Some.Attribution(session.Id, sourceIp: ip)));

        Assert.Equal(CheckOutcome.Fail, result.Outcome);
        Assert.Contains($"created {expected}, outside the allowed source networks", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_audit_scope_is_an_error()
    {
        var session = Some.Session();
        var audit = Some.Audit([Some.Attribution(session.Id)], scopes: [new AuditScopeStatus(Some.Scope(region: "*"), false, "trail bucket unreadable")]);

        var result = Assert.Single(CheckHarness.Run(check, new EvaluationInput(Some.RunOf(session), audit), Networks));

        Assert.Equal(CheckOutcome.Error, result.Outcome);
    }

    private IReadOnlyList<CheckResult> Run(MirrorSession session, Attribution.Attribution attribution) =>
        CheckHarness.Run(check, new EvaluationInput(Some.RunOf(session), Some.Audit([attribution])), Networks);
}
