using PostureScan.Core.Checks.FailedCreateAttempts;
using PostureScan.Core.Findings;
using PostureScan.Core.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Core.Tests.Checks;

public class FailedCreateAttemptsCheckTests
{
    private const string Mallory = "arn:aws:iam::111122223333:user/mallory";

    private readonly FailedCreateAttemptsCheck check = new();

    [Fact]
    public void Three_failures_by_one_actor_within_a_day_fail()
    {
        var attempts = new[] { 0, 5, 23 }.Select(h => Some.FailedAttempt(Mallory, Some.Time.AddHours(h))).ToArray();

        var result = Assert.Single(Run(attempts));

        Assert.Equal($"{Some.Account}/{Mallory}", result.ResourceId);
        Assert.Contains("failed 3 mirror calls (CreateTrafficMirrorSession)", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Failures_spread_out_or_by_different_actors_pass()
    {
        var attempts = new[]
        {
            Some.FailedAttempt(Mallory, Some.Time),
            Some.FailedAttempt(Mallory, Some.Time.AddHours(13)),
            Some.FailedAttempt(Mallory, Some.Time.AddHours(26)),
            Some.FailedAttempt("arn:aws:iam::111122223333:user/bob", Some.Time.AddHours(1)),
            Some.FailedAttempt(Mallory, Some.Time.AddHours(2), Some.Scope(account: Some.OtherAccount)),
        };

        Assert.Empty(Run(attempts));
    }

    [Fact]
    public void The_threshold_comes_from_the_policy()
    {
        var policy = Policies.Parse("version: 1\nchecks:\n  failed-create-attempts: { threshold: 2, windowHours: 1 }");
        var input = new EvaluationInput(Some.RunOf(), Some.Audit(failedAttempts:
            [Some.FailedAttempt(Mallory, Some.Time), Some.FailedAttempt(Mallory, Some.Time.AddMinutes(30))]));

        Assert.Single(CheckHarness.Run(check, input, policy));
    }

    private IReadOnlyList<Core.Checks.CheckResult> Run(IReadOnlyList<FailedMirrorAttempt> attempts) =>
        CheckHarness.Run(check, new EvaluationInput(Some.RunOf(), Some.Audit(failedAttempts: attempts)));
}
