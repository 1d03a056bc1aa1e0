using PostureScan.Core.Checks.CoverageGap;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Policy;
using PostureScan.Core.Scanning;
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

    [Fact]
    public void A_gcp_instance_mirrored_through_its_subnetwork_or_a_network_tag_on_its_network_passes()
    {
        var policy = Policies.Parse("""
            version: 1
            collectors: [{ name: zeek, providerIds: [fr-zeek] }]
            coverage: [{ name: vms, collector: zeek, providers: [gcp] }]
            """);
        var scope = Some.Scope(provider: Providers.Gcp);
        var bySubnet = new CandidateSource(scope, Some.Source("vm-a"), ["subnet-web"]);
        var byTag = new CandidateSource(scope, Some.Source("vm-b"), [CoverageKeys.NetworkTag("vpc-prod", "web")]);
        var tagElsewhere = new CandidateSource(scope, Some.Source("vm-c"), [CoverageKeys.NetworkTag("vpc-lab", "web")]);
        var session = Some.Session(scope: scope, target: Some.Target(id: "fr-zeek")) with
        {
            Sources =
            [
                Some.Source("subnet-web") with { Kind = "subnetwork" },
                Some.Source("web") with { Kind = CoverageKeys.NetworkTagKind, Network = "vpc-prod" },
            ],
        };

        var results = CheckHarness.Run(check, new EvaluationInput(Some.RunOf(session), CandidateSources: [bySubnet, byTag, tagElsewhere]), policy);

        Assert.Equal("vm-c", Assert.Single(results).ResourceId);
    }

    [Fact]
    public void A_scope_whose_candidates_could_not_be_listed_is_an_error_not_a_pass()
    {
        var denied = Some.Scope(region: "eu-west-1");
        var other = Some.Scope(provider: Providers.Azure);
        var input = new EvaluationInput(
            Some.RunOf(),
            CandidateSources: [],
            CandidateScopes:
            [
                ScopeResult.Failed(denied, ScopeErrorKind.AccessDenied, "UnauthorizedOperation: not allowed", 1, TimeSpan.Zero),
                ScopeResult.Failed(other, ScopeErrorKind.AccessDenied, "AuthorizationFailed", 1, TimeSpan.Zero),
            ]);

        var result = Assert.Single(CheckHarness.Run(check, input, Coverage));

        Assert.Equal((Core.Checks.CheckOutcome.Error, denied.Key), (result.Outcome, result.ResourceId));
        Assert.Contains("could not be listed: UnauthorizedOperation: not allowed", result.Message, StringComparison.Ordinal);
    }

    private IReadOnlyList<Core.Checks.CheckResult> Run(IReadOnlyList<MirrorSession> sessions, IReadOnlyList<CandidateSource> candidates) =>
        CheckHarness.Run(check, new EvaluationInput(Some.RunOf([.. sessions]), CandidateSources: candidates), Coverage);
}
