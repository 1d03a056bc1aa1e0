using PostureScan.Core.Checks.CollectorUnhealthy;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Policy;
using PostureScan.Core.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Core.Tests.Checks;

public class CollectorUnhealthyCheckTests
{
    private static readonly MirrorPolicy Sanctioned = Policies.Parse("version: 1\ncollectors: [{ name: corelight, providerIds: [tmt-ndr] }]");

    private readonly CollectorUnhealthyCheck check = new();

    [Fact]
    public void An_enabled_sanctioned_mirror_with_its_target_passes_and_unsanctioned_ones_are_not_judged()
    {
        var healthy = Some.Session(target: Some.Target(id: "tmt-ndr"));
        var other = Some.Session(enabled: false);

        Assert.Empty(Run(healthy, other));
    }

    [Fact]
    public void A_disabled_sanctioned_mirror_fails()
    {
        var session = Some.Session(target: Some.Target(id: "tmt-ndr"), enabled: false);

        var result = Assert.Single(Run(session));

        Assert.EndsWith("to sanctioned collector 'corelight' is disabled", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sanctioned_mirror_whose_target_is_gone_fails()
    {
        var session = Some.Session() with { TargetId = "tmt-ndr", Target = null };

        Assert.Contains("which no longer exists", Assert.Single(Run(session)).Message, StringComparison.Ordinal);
    }

    private IReadOnlyList<Core.Checks.CheckResult> Run(params MirrorSession[] sessions) =>
        CheckHarness.Run(check, new EvaluationInput(Some.RunOf(sessions)), Sanctioned);
}
