using Microsoft.Extensions.Time.Testing;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Policy;
using PostureScan.Core.Scanning;
using PostureScan.Core.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Core.Tests.Findings;

/// <summary>Statuses over consecutive runs: new, open, resolved, suppressed, expired exception, error.</summary>
public class PolicyEvaluatorTests
{
    private const string Unapproved = "unapproved-destination";

    private static readonly Scope East = Some.Scope(region: "us-east-1");
    private static readonly Scope West = Some.Scope(region: "us-west-2");

    private readonly PolicyEvaluator evaluator = new(Policies.Registry);
    private readonly FakeTimeProvider time = new(Some.Time);

    [Fact]
    public void Two_runs_yield_new_open_resolved_suppressed_expired_and_error()
    {
        MirrorSession kept = Mirror("tms-kept", East), removed = Mirror("tms-removed", East), inFailedScope = Mirror("tms-west", West);
        var first = Evaluate(Policies.Empty, Some.Run(scopes: [Some.ScopeOk(East), Some.ScopeOk(West)], sessions: [kept, removed, inFailedScope]), []);
        Assert.All(Of(first), f => Assert.Equal(FindingStatus.New, f.Status));

        time.Advance(TimeSpan.FromDays(1));
        MirrorSession added = Mirror("tms-added", East), waived = Mirror("tms-waived", East), lapsed = Mirror("tms-lapsed", East);
        var policy = Policies.Parse($"""
            version: 1
            exceptions:
              - {"{"} resource: tms-waived, check: {Unapproved}, reason: vendor trial, owner: secops, expires: {Some.Time.AddDays(1):yyyy-MM-dd} {"}"}
              - {"{"} resource: tms-lapsed, reason: old trial, owner: alice, expires: {Some.Time:yyyy-MM-dd} {"}"}
            """);
        var second = Evaluate(
            policy,
            Some.Run(scopes: [Some.ScopeOk(East), Some.ScopeFailed(West)], sessions: [kept, added, waived, lapsed]),
            first.Findings);

        var status = Of(second).ToDictionary(f => f.ResourceId, f => f.Status);
        Assert.Equal(
            new Dictionary<string, FindingStatus>
            {
                ["tms-kept"] = FindingStatus.Open,
                ["tms-removed"] = FindingStatus.Resolved,
                ["tms-west"] = FindingStatus.Error,
                ["tms-added"] = FindingStatus.New,
                ["tms-waived"] = FindingStatus.Suppressed,
                ["tms-lapsed"] = FindingStatus.New,
            },
            status);

        var open = Of(second).Single(f => f.ResourceId == "tms-kept");
        Assert.Equal(Of(first).Single(f => f.ResourceId == "tms-kept").Id, open.Id);
        Assert.Equal(Some.Time, open.FirstSeen);
        Assert.Equal(Some.Time.AddDays(1), open.LastSeen);

        Assert.Equal("secops", Of(second).Single(f => f.ResourceId == "tms-waived").Exception!.Owner);
        var expired = Of(second).Single(f => f.ResourceId == "tms-lapsed");
        Assert.Equal("alice", expired.Exception!.Owner);
        Assert.Contains($"expired on {Some.Time:yyyy-MM-dd} and no longer suppresses this finding", expired.Note, StringComparison.Ordinal);

        var error = Of(second).Single(f => f.ResourceId == "tms-west");
        Assert.Contains("scope aws/111122223333/us-west-2 failed", error.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resolved_finding_is_reported_once_and_an_error_stays_until_its_scope_is_read_again()
    {
        var gone = Mirror("tms-gone", East);
        var west = Mirror("tms-west", West);
        var first = Evaluate(Policies.Empty, Some.Run(scopes: [Some.ScopeOk(East), Some.ScopeOk(West)], sessions: [gone, west]), []);
        var second = Evaluate(Policies.Empty, Some.Run(scopes: [Some.ScopeOk(East), Some.ScopeFailed(West)], sessions: []), first.Findings);
        var third = Evaluate(Policies.Empty, Some.Run(scopes: [Some.ScopeOk(East)], sessions: []), second.Findings);
        var fourth = Evaluate(Policies.Empty, Some.Run(scopes: [Some.ScopeOk(East), Some.ScopeOk(West)], sessions: []), third.Findings);

        Assert.Equal([("tms-gone", FindingStatus.Resolved), ("tms-west", FindingStatus.Error)], Statuses(second));
        Assert.Equal([("tms-west", FindingStatus.Error)], Statuses(third));
        Assert.Contains("was not scanned", Of(third).Single().Note, StringComparison.Ordinal);
        Assert.Equal([("tms-west", FindingStatus.Resolved)], Statuses(fourth));
    }

    [Fact]
    public void Checks_whose_input_was_not_collected_are_listed_and_keep_their_findings_as_errors()
    {
        var session = Mirror("tms-1", East);
        var run = Some.RunOf(session);
        var audit = Some.Audit([Some.Attribution("tms-1", actor: "arn:aws:iam::111122223333:user/mallory")]);
        var first = evaluator.Evaluate(new EvaluationInput(run, audit, []), Policies.Empty, [], time);
        Assert.Contains(first.Findings, f => f.CheckId == "created-by-unapproved-principal" && f.Status == FindingStatus.New);
        Assert.Empty(first.NotEvaluated);

        var second = evaluator.Evaluate(new EvaluationInput(run), Policies.Empty, first.Findings, time);

        Assert.Equal(
            ["created-by-unapproved-principal", "created-from-unapproved-network", "unattributed-missing", "short-lived-mirror", "coverage-gap", "failed-create-attempts"],
            second.NotEvaluated.Select(n => n.CheckId));
        var carried = second.Findings.Single(f => f.CheckId == "created-by-unapproved-principal");
        Assert.Equal(FindingStatus.Error, carried.Status);
        Assert.Equal("not evaluated in this run: no audit source was read", carried.Note);
    }

    [Fact]
    public void A_failed_candidate_listing_turns_coverage_gaps_into_errors_not_resolutions()
    {
        var policy = Policies.Parse("""
            version: 1
            collectors: [{ name: ndr, providerIds: [tmt-ndr] }]
            coverage: [{ name: all, collector: ndr }]
            """);
        var run = Some.RunOf(Mirror("tms-1", East));
        var first = evaluator.Evaluate(new EvaluationInput(run, CandidateSources: [Some.Candidate("eni-gap", East)]), policy, [], time);
        var failed = ScopeResult.Failed(East, ScopeErrorKind.Throttled, "RequestLimitExceeded", 3, TimeSpan.Zero);

        var second = evaluator.Evaluate(new EvaluationInput(run, CandidateSources: [], CandidateScopes: [failed]), policy, first.Findings, time);
        var third = evaluator.Evaluate(
            new EvaluationInput(run, CandidateSources: [], CandidateScopes: [ScopeResult.Ok(East, 1, TimeSpan.Zero)]), policy, second.Findings, time);

        Assert.Equal(FindingStatus.New, first.Findings.Single(f => f.CheckId == "coverage-gap").Status);
        var carried = second.Findings.Single(f => f.CheckId == "coverage-gap" && f.ResourceId == "eni-gap");
        Assert.Equal(FindingStatus.Error, carried.Status);
        Assert.Contains("could not be listed: RequestLimitExceeded", carried.Note, StringComparison.Ordinal);
        Assert.Equal(FindingStatus.Error, second.Findings.Single(f => f.CheckId == "coverage-gap" && f.ResourceId == East.Key).Status);
        Assert.All(third.Findings.Where(f => f.CheckId == "coverage-gap"), f => Assert.Equal(FindingStatus.Resolved, f.Status));
    }

    [Fact]
    public void An_audit_source_down_turns_attribution_findings_into_errors_not_resolutions()
    {
        var session = Mirror("tms-1", East);
        var run = Some.RunOf(session);
        var first = evaluator.Evaluate(
            new EvaluationInput(run, Some.Audit([Some.Attribution("tms-1", actor: "arn:aws:iam::111122223333:user/mallory")])), Policies.Empty, [], time);
        var down = Some.Audit([], scopes: [new AuditScopeStatus(Some.Scope(region: "*"), false, "AccessDenied")]);

        var second = evaluator.Evaluate(new EvaluationInput(run, down), Policies.Empty, first.Findings, time);

        var finding = second.Findings.Single(f => f.CheckId == "created-by-unapproved-principal");
        Assert.Equal(FindingStatus.Error, finding.Status);
        Assert.Equal(first.Findings.Single(f => f.CheckId == "created-by-unapproved-principal").Id, finding.Id);
    }

    [Fact]
    public void Disabled_checks_report_nothing_and_severity_overrides_apply()
    {
        var policy = Policies.Parse("version: 1\nchecks:\n  accept-all-filter: { enabled: false }\n  unapproved-destination: { severity: critical }");

        var evaluation = Evaluate(policy, Some.RunOf(Mirror("tms-1", East)), []);

        Assert.DoesNotContain(evaluation.Findings, f => f.CheckId == "accept-all-filter");
        Assert.Equal(Severity.Critical, Of(evaluation).Single().Severity);
        Assert.Equal(1, evaluation.ActiveAtOrAbove(Severity.Critical));
        Assert.Equal(1, evaluation.ActiveBySeverity()[Severity.Critical]);
    }

    [Fact]
    public void Suppressed_and_resolved_findings_do_not_count_towards_fail_on()
    {
        var policy = Policies.Parse($"version: 1\nexceptions:\n  - {{ resource: tms-1, reason: r, owner: o, expires: 2099-01-01 }}\nchecks:\n  accept-all-filter: {{ enabled: false }}");

        var evaluation = Evaluate(policy, Some.RunOf(Mirror("tms-1", East)), []);

        Assert.Equal(FindingStatus.Suppressed, Of(evaluation).Single().Status);
        Assert.Equal(0, evaluation.ActiveAtOrAbove(Severity.Info));
    }

    [Fact]
    public void Finding_ids_depend_on_check_and_resource_only()
    {
        Assert.Equal(FindingId.For(Unapproved, "tms-1"), FindingId.For(Unapproved, "TMS-1"));
        Assert.NotEqual(FindingId.For(Unapproved, "tms-1"), FindingId.For("accept-all-filter", "tms-1"));
        Assert.NotEqual(FindingId.For(Unapproved, "tms-1"), FindingId.For(Unapproved, "tms-2"));
        Assert.Matches("^f-[0-9a-f]{20}$", FindingId.For(Unapproved, "tms-1"));
    }

    private PolicyEvaluation Evaluate(MirrorPolicy policy, ScanRun run, IReadOnlyList<Finding> previous) =>
        evaluator.Evaluate(new EvaluationInput(run, Some.Audit(), []), policy, previous, time);

    private static IEnumerable<Finding> Of(PolicyEvaluation evaluation) => evaluation.Findings.Where(f => f.CheckId == Unapproved);

    private static (string, FindingStatus)[] Statuses(PolicyEvaluation evaluation) =>
        [.. Of(evaluation).Select(f => (f.ResourceId, f.Status)).OrderBy(p => p.ResourceId, StringComparer.Ordinal)];

    private static MirrorSession Mirror(string id, Scope scope) => Some.Session(id: id, scope: scope, target: Some.Target(address: "10.77.0.5"));
}
