using PostureScan.Core.Checks.ShortLivedMirror;
using PostureScan.Core.Findings;
using PostureScan.Core.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Core.Tests.Checks;

public class ShortLivedMirrorCheckTests
{
    private readonly ShortLivedMirrorCheck check = new();

    [Fact]
    public void A_mirror_deleted_after_an_hour_fails_with_who_and_when()
    {
        var mirror = Some.Lifetime(TimeSpan.FromHours(1));

        var result = Assert.Single(Run(Some.Audit(deletedMirrors: [mirror])));

        Assert.Equal(mirror.ResourceId, result.ResourceId);
        Assert.Contains("by arn:aws:iam::111122223333:user/mallory from 203.0.113.9 and deleted 60 minutes later", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mirror_that_lived_longer_than_the_limit_passes()
    {
        Assert.Empty(Run(Some.Audit(deletedMirrors: [Some.Lifetime(TimeSpan.FromHours(25))])));
    }

    [Fact]
    public void The_limit_comes_from_the_policy()
    {
        var policy = Policies.Parse("version: 1\nchecks:\n  short-lived-mirror: { maxLifetimeHours: 48 }");
        var input = new EvaluationInput(Some.RunOf(), Some.Audit(deletedMirrors: [Some.Lifetime(TimeSpan.FromHours(25))]));

        Assert.Single(CheckHarness.Run(check, input, policy));
    }

    private IReadOnlyList<Core.Checks.CheckResult> Run(AuditEvidence audit) =>
        CheckHarness.Run(check, new EvaluationInput(Some.RunOf(), audit));
}
