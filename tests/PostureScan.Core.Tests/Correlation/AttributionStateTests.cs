using PostureScan.Core.Attribution;
using PostureScan.Core.Audit;
using PostureScan.Core.Inventory;
using static PostureScan.Core.Tests.Correlation.Correlate;

namespace PostureScan.Core.Tests.Correlation;

/// <summary>The four answers to "who made this mirror", from events built in the test.</summary>
public sealed class AttributionStateTests
{
    private static readonly Scope Ireland = new(Providers.Aws, "111122223333", "eu-west-1");
    private static readonly DateTimeOffset T0 = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);

    private static AuditEvent Event(string name, AuditAction action, DateTimeOffset time, string id, params string[] resourceIds) => new(
        time, AuditPlatform.Aws, name, "arn:aws:iam::111122223333:user/someone", "192.0.2.7", action, AuditOutcome.Success, null, null,
        Ireland.Account, Ireland.Region, resourceIds, id, "aws-cli/2", "ec2.amazonaws.com", null, AuditInput.FromApi("test"));

    [Fact]
    public void A_create_event_attributes_the_session()
    {
        var report = Run(
            [Session(Ireland, "tms-00000000000000001")],
            [Event("CreateTrafficMirrorSession", AuditAction.Create, T0.AddDays(5), "ev-1", "TMS-00000000000000001")],
            [Covered(Ireland, T0, T0.AddDays(30))]);

        var a = report.Sessions[0].Session;
        Assert.Equal(AttributionState.Attributed, a.State);
        Assert.Equal(T0.AddDays(5), a.CreatedAt);
        Assert.Equal(["ev-1"], a.EventIds);
    }

    [Fact]
    public void No_create_event_and_no_bound_is_beyond_retention_and_says_the_window()
    {
        var report = Run([Session(Ireland, "tms-00000000000000002")], [], [Covered(Ireland, T0, T0.AddDays(30))]);

        var a = report.Sessions[0].Session;
        Assert.Equal(AttributionState.UnattributedBeyondRetention, a.State);
        Assert.Contains("2026-10-01T12:00:00Z to 2026-10-31T12:00:00Z", a.Reason, StringComparison.Ordinal);
        Assert.Equal(new AuditWindow(T0, T0.AddDays(30)), a.Window);
    }

    [Fact]
    public void A_session_whose_target_was_created_inside_the_window_but_has_no_create_event_is_missing()
    {
        var report = Run(
            [Session(Ireland, "tms-00000000000000003", "tmt-00000000000000003")],
            [Event("CreateTrafficMirrorTarget", AuditAction.Create, T0.AddDays(3), "ev-3", "tmt-00000000000000003")],
            [Covered(Ireland, T0, T0.AddDays(30))]);

        Assert.Equal(AttributionState.Attributed, Part(report, "tmt-00000000000000003").State);
        var a = report.Sessions[0].Session;
        Assert.Equal(AttributionState.UnattributedMissing, a.State);
        Assert.Contains("inside the audit window", a.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_session_absent_from_an_earlier_scan_inside_the_window_is_missing()
    {
        var bounds = new Dictionary<string, DateTimeOffset> { ["tms-00000000000000004"] = T0.AddDays(20) };

        var report = Run([Session(Ireland, "tms-00000000000000004")], [], [Covered(Ireland, T0, T0.AddDays(30))], bounds);

        Assert.Equal(AttributionState.UnattributedMissing, report.Sessions[0].Session.State);
    }

    [Fact]
    public void A_failed_audit_source_makes_the_state_unknown_and_says_why()
    {
        var down = new AuditCoverage("trail", Ireland with { Region = "*" }, null, new AuditSourceFailure(AuditSourceFailureKind.AccessDenied, "not authorized to perform cloudtrail:LookupEvents"));

        var report = Run([Session(Ireland, "tms-00000000000000005")], [], [down]);

        var a = report.Sessions[0].Session;
        Assert.Equal(AttributionState.SourceUnavailable, a.State);
        Assert.Contains("cloudtrail:LookupEvents", a.Reason, StringComparison.Ordinal);
        Assert.False(Assert.Single(report.Scopes).Available);
    }

    [Fact]
    public void A_scope_no_source_covers_is_unknown()
    {
        var report = Run([Session(Ireland, "tms-00000000000000006")], [], [Covered(Ireland with { Account = "999999999999" }, T0, T0.AddDays(1))]);

        Assert.Equal(AttributionState.SourceUnavailable, report.Sessions[0].Session.State);
        Assert.Contains("no audit source covers aws/111122223333/eu-west-1", report.Sessions[0].Session.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_event_read_twice_counts_once_and_events_without_an_id_get_a_stable_key()
    {
        var create = Event("CreateTrafficMirrorSession", AuditAction.Create, T0.AddDays(1), "ev-7", "tms-00000000000000007");
        var modify = Event("ModifyTrafficMirrorSession", AuditAction.Modify, T0.AddDays(2), null!, "tms-00000000000000007");

        var report = Run([Session(Ireland, "tms-00000000000000007")], [create, create, modify, modify with { Input = AuditInput.FromFile("other", 3) }], [Covered(Ireland, T0, T0.AddDays(30))]);

        var a = report.Sessions[0].Session;
        var change = Assert.Single(a.Changes);
        Assert.StartsWith("sha256:", change.EventId, StringComparison.Ordinal);
        Assert.Equal(AuditEventKeys.Of(modify), change.EventId);
    }
}
