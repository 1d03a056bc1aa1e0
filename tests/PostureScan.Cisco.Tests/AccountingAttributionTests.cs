using PostureScan.Core.Attribution;
using PostureScan.Core.Audit;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;

namespace PostureScan.Cisco.Tests;

/// <summary>Device sessions are attributed from syslog and TACACS+ accounting by device and session number.</summary>
public sealed class AccountingAttributionTests
{
    private static readonly Scope Device = new(Providers.Cisco, "acc-9300-07", Scope.Global);

    private static AttributionReport Correlate(params string[] logs)
    {
        var sessions = Fixture.Sessions("config-cat9300.txt");
        var events = logs.SelectMany(l => Accounting.Read(l).Events).ToList();
        var window = new AuditWindow(events.Min(e => e.Time), events.Max(e => e.Time));
        var coverage = new AuditCoverage("device-logs", Device with { Region = "*" }, window, null);
        return AttributionCorrelator.Correlate(new CorrelationInput(sessions, events, [coverage], window.Oldest));
    }

    [Fact]
    public void The_erspan_session_is_attributed_to_the_syslog_user_from_the_address_of_their_config_exit()
    {
        var report = Correlate("syslog-acc-9300-07.log", "tacacs-acc-9300-07.log");

        var session = report.Sessions.Single(s => s.SessionId == "acc-9300-07/session/61").Session;
        Assert.Equal(
            (AttributionState.Attributed, "jdoe", "192.0.2.200", new DateTimeOffset(2025, 3, 4, 9, 14, 1, 120, TimeSpan.Zero), "monitor session 61 type erspan-source"),
            (session.State, session.Actor, session.SourceIp, session.CreatedAt, session.CreateEventName));
        Assert.Contains(session.Changes, c => c.EventName == "ip address 198.51.100.61" && c.Action == "modify");
    }

    [Fact]
    public void Tacacs_attributes_the_local_span_and_the_sub_mode_erspan_session()
    {
        var report = Correlate("syslog-acc-9300-07.log", "tacacs-acc-9300-07.log");

        foreach (var id in new[] { "acc-9300-07/session/12", "acc-9300-07/session/60" })
        {
            var session = report.Sessions.Single(s => s.SessionId == id).Session;
            Assert.Equal((AttributionState.Attributed, "jdoe", "192.0.2.200"), (session.State, session.Actor, session.SourceIp));
        }

        Assert.Equal(
            ["source interface GigabitEthernet2/0/14 rx", "filter vlan 214", "destination", "ip address 10.77.0.20", "no shutdown"],
            report.Sessions.Single(s => s.SessionId == "acc-9300-07/session/60").Session.Changes.Select(c => c.EventName));
    }

    [Fact]
    public void A_session_created_and_removed_in_the_logs_is_a_deleted_mirror_and_one_without_events_is_not_attributed()
    {
        var report = Correlate("syslog-acc-9300-07.log");

        var deleted = Assert.Single(report.DeletedMirrors);
        Assert.Equal(("acc-9300-07/session/13", "netops", "10.9.8.7"), (deleted.ResourceId, deleted.Actor, deleted.SourceIp));
        Assert.NotEqual(AttributionState.Attributed, report.Sessions.Single(s => s.SessionId == "acc-9300-07/session/11").Session.State);
    }

    [Fact]
    public void A_refused_create_is_a_failed_attempt_and_attributes_nothing()
    {
        var report = Correlate("tacacs-result-attributes.log");

        var attempt = Assert.Single(report.FailedAttempts);
        Assert.Equal(("contractor", "198.51.100.9", Device), (attempt.Actor, attempt.SourceIp, attempt.Scope));
    }

    [Fact]
    public void A_rejected_command_creates_nothing_ends_nothing_and_is_never_the_last_change()
    {
        static DateTimeOffset At(int hour, int minute) => new(2025, 3, 4, hour, minute, 0, TimeSpan.Zero);

        var report = Correlate("tacacs-refused-calls.log");

        // The contractor's rejected command came first: it made no session, so jdoe's first command still creates it.
        var session = report.Sessions.Single(s => s.SessionId == "acc-9300-07/session/12").Session;
        Assert.Equal((AttributionState.Attributed, "jdoe", At(10, 25)), (session.State, session.Actor, session.CreatedAt));
        Assert.Equal([("contractor", "create", "failure")], session.BeforeCreation.Select(c => (c.Actor, c.Action, c.Outcome)));
        Assert.Equal([("jdoe", "modify", At(10, 26))], session.Changes.Select(c => (c.Actor, c.Action, c.Time)));
        // The rejected "no monitor session 12" removed nothing: the command after it changes the session, not a new one.
        Assert.Equal([("delete", At(10, 40)), ("modify", At(10, 41))], session.Refused.Select(c => (c.Action, c.Time)));
        Assert.All(session.Refused, c => Assert.Equal(("contractor", "failure"), (c.Actor, c.Outcome)));
        Assert.Empty(report.DeletedMirrors);
    }

    [Fact]
    public void A_rejected_command_leaves_the_user_in_the_sub_mode_they_were_in()
    {
        var report = Correlate("tacacs-refused-submode.log");

        // Entering session 62 was denied, so jdoe stayed in session 60's sub-mode: the filter is 60's.
        var sixty = report.Sessions.Single(s => s.SessionId == "acc-9300-07/session/60").Session;
        Assert.Equal(["source interface GigabitEthernet2/0/14 rx", "filter vlan 214"], sixty.Changes.Select(c => c.EventName));
        var sixtyTwo = report.Sessions.Single(s => s.SessionId == "acc-9300-07/session/62").Session;
        Assert.DoesNotContain("filter vlan 214", sixtyTwo.Changes.Concat(sixtyTwo.Refused).Concat(sixtyTwo.BeforeCreation).Select(c => c.EventName));
        Assert.NotEqual("filter vlan 214", sixtyTwo.CreateEventName);
    }
}
