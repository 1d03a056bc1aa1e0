using PostureScan.Core.Checks.DestinationInForeignAccount;
using PostureScan.Core.Findings;
using PostureScan.Core.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Core.Tests.Checks;

public class DestinationInForeignAccountCheckTests
{
    private readonly DestinationInForeignAccountCheck check = new();

    [Fact]
    public void Targets_owned_by_a_scanned_account_or_an_estate_account_pass()
    {
        var policy = Policies.Parse("version: 1\nestate:\n  accounts: [\"777777777777\"]");
        var own = Some.Session(target: Some.Target(owner: Some.Account));
        var shared = Some.Session(target: Some.Target(owner: Some.OtherAccount));
        var estate = Some.Session(target: Some.Target(owner: "777777777777"));
        var unknownOwner = Some.Session(target: Some.Target(owner: null));
        // The other account was scanned, but failed: it is still part of the estate.
        var run = Some.Run(
            scopes: [Some.ScopeOk(), Some.ScopeFailed(Some.Scope(account: Some.OtherAccount))],
            sessions: [own, shared, estate, unknownOwner]);

        Assert.Empty(CheckHarness.Run(check, new EvaluationInput(run), policy));
    }

    [Fact]
    public void A_target_in_an_account_outside_the_estate_fails()
    {
        var session = Some.Session(target: Some.Target(owner: "999988887777"));

        var result = Assert.Single(CheckHarness.Run(check, session));

        Assert.Equal(session.Id, result.ResourceId);
        Assert.Contains("owned by 999988887777", result.Message, StringComparison.Ordinal);
    }
}
