using PostureScan.Core.Attribution;
using PostureScan.Core.Checks;
using PostureScan.Core.Checks.CreatedByUnapprovedPrincipal;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Policy;
using PostureScan.Core.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Core.Tests.Checks;

public class CreatedByUnapprovedPrincipalCheckTests
{
    private static readonly MirrorPolicy Principals = Policies.Parse("""
        version: 1
        principals:
          - arn:aws:sts::*:assumed-role/ndr-automation/*
          - ndr-automation@example.com
        """);

    private readonly CreatedByUnapprovedPrincipalCheck check = new();

    [Fact]
    public void Creation_and_changes_by_allowed_principals_pass()
    {
        var session = Some.Session();
        var attributions = new[]
        {
            Some.Attribution(session.Id, changes: [Some.Change("NDR-Automation@example.com", "10.1.2.3")]),
            Some.Attribution(session.TargetId!),
        };

        Assert.Empty(Run(session, Some.Audit(attributions)));
    }

    [Fact]
    public void A_target_created_by_another_principal_fails_on_the_target()
    {
        var session = Some.Session();
        var attributions = new[]
        {
            Some.Attribution(session.Id),
            Some.Attribution(session.TargetId!, actor: "arn:aws:sts::111122223333:assumed-role/admin/mallory"),
        };

        var result = Assert.Single(Run(session, Some.Audit(attributions)));

        Assert.Equal(session.TargetId, result.ResourceId);
        Assert.Equal(CheckOutcome.Fail, result.Outcome);
        Assert.Contains("created by arn:aws:sts::111122223333:assumed-role/admin/mallory", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_change_by_another_principal_fails()
    {
        var session = Some.Session();
        var change = Some.Change("arn:aws:iam::111122223333:user/mallory", "10.1.2.3");

        var result = Assert.Single(Run(session, Some.Audit([Some.Attribution(session.Id, changes: [change])])));

        Assert.Contains("changed (ModifyTrafficMirrorSession) by arn:aws:iam::111122223333:user/mallory", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_audit_source_is_an_error_never_a_pass()
    {
        var session = Some.Session();
        var down = Some.Audit(
            [Some.Attribution(session.Id)],
            scopes: [new AuditScopeStatus(session.Scope, false, "AccessDenied: cloudtrail:LookupEvents")]);
        var unknown = Some.Audit([Some.Attribution(session.Id, AttributionState.SourceUnavailable, reason: "LookupEvents throttled")]);
        var missing = Some.Audit([]);

        Assert.All(new[] { down, unknown, missing }, audit =>
            Assert.Equal(CheckOutcome.Error, Assert.Single(Run(session, audit)).Outcome));
        Assert.Contains("AccessDenied", Assert.Single(Run(session, down)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resources_beyond_log_retention_are_left_to_their_attribution_state()
    {
        var session = Some.Session();

        Assert.Empty(Run(session, Some.Audit([Some.Attribution(session.Id, AttributionState.UnattributedBeyondRetention)])));
    }

    private IReadOnlyList<CheckResult> Run(MirrorSession session, AuditEvidence audit) =>
        CheckHarness.Run(check, new EvaluationInput(Some.RunOf(session), audit), Principals);
}
