using PostureScan.Core.Checks.CoverageGap;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Policy;
using PostureScan.Core.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Core.Tests.Checks;

public class CoverageGapCheckTests
{
    private static readonly MirrorPolicy Coverage = Policies.Parse($$"""
        version: 1
        collectors: [{ name: corelight, providerIds: [tmt-ndr] }]
        coverage:
          - name: prod
            collector: corelight
            providers: [aws]
            accounts: ["{{Some.Account}}"]
            tags: { env: prod }
        """);

    private readonly CoverageGapCheck check = new();

    [Fact]
    public void A_required_source_mirrored_to_its_collector_passes()
    {
        var candidate = Some.Candidate("eni-web1", null, ("env", "prod"));
        var session = Some.Session(target: Some.Target(id: "tmt-ndr")) with { Sources = [candidate.Source] };

        Assert.Empty(Run([session], [candidate]));
    }

    [Fact]
    public void A_required_source_mirrored_elsewhere_or_by_a_disabled_mirror_fails()
    {
        var elsewhere = Some.Candidate("eni-db1", null, ("env", "prod"));
        var disabled = Some.Candidate("eni-web2", null, ("env", "prod"));
        var sessions = new[]
        {
            Some.Session(target: Some.Target(id: "tmt-0c0ffee")) with { Sources = [elsewhere.Source] },
            Some.Session(target: Some.Target(id: "tmt-ndr"), enabled: false) with { Sources = [disabled.Source] },
        };

        var results = Run(sessions, [elsewhere, disabled]);

        Assert.Equal(["eni-db1", "eni-web2"], results.Select(r => r.ResourceId));
        Assert.Contains("required by coverage rule 'prod' to be mirrored to 'corelight'", results[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sources_outside_the_rules_selector_are_not_required()
    {
        var candidates = new[]
        {
            Some.Candidate("eni-staging", null, ("env", "staging")),
            Some.Candidate("eni-other-account", Some.Scope(account: Some.OtherAccount), ("env", "prod")),
            Some.Candidate("nic-azure", Some.Scope(provider: Providers.Azure), ("env", "prod")),
        };

        Assert.Empty(Run([], candidates));
    }

    private IReadOnlyList<Core.Checks.CheckResult> Run(IReadOnlyList<MirrorSession> sessions, IReadOnlyList<CandidateSource> candidates) =>
        CheckHarness.Run(check, new EvaluationInput(Some.RunOf([.. sessions]), CandidateSources: candidates), Coverage);
}
