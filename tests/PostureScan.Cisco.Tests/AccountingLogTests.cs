using System.Text;
using PostureScan.Cisco.Accounting;
using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Matching;
using PostureScan.Core.Audit.Reading;

namespace PostureScan.Cisco.Tests;

/// <summary>Syslog and TACACS+ accounting become the monitor-session audit events a reader of the log would list.</summary>
public sealed class AccountingLogTests
{
    [Fact]
    public void Syslog_commands_take_their_address_from_the_users_config_exit_and_sub_mode_commands_their_session_by_order()
    {
        var (result, events) = Accounting.Read("syslog-acc-9300-07.log");

        Assert.Equal(
            [
                "2025-03-04T09:14:01.12Z | monitor session 61 type erspan-source | jdoe | 192.0.2.200 | create | success | acc-9300-07/session/61",
                "2025-03-04T09:14:02.31Z | description staged, not yet approved | jdoe | 192.0.2.200 | modify | success | acc-9300-07/session/61",
                "2025-03-04T09:14:04.551Z | source interface Gi2/0/20 , Gi2/0/22 both | jdoe | 192.0.2.200 | modify | success | acc-9300-07/session/61",
                "2025-03-04T09:14:07.2Z | destination | jdoe | 192.0.2.200 | modify | success | acc-9300-07/session/61",
                "2025-03-04T09:14:08.41Z | erspan-id 61 | jdoe | 192.0.2.200 | modify | success | acc-9300-07/session/61",
                "2025-03-04T09:14:09.001Z | ip address 198.51.100.61 | jdoe | 192.0.2.200 | modify | success | acc-9300-07/session/61",
                "2025-03-04T09:14:10.73Z | origin ip address 10.77.0.2 | jdoe | 192.0.2.200 | modify | success | acc-9300-07/session/61",
                "2025-03-04T11:02:00Z | monitor session 13 source vlan 30 - 32 , 40 rx | netops | 10.9.8.7 | create | success | acc-9300-07/session/13",
                "2025-03-04T11:02:03.5Z | monitor session 13 destination interface Gi1/0/46 | netops | 10.9.8.7 | modify | success | acc-9300-07/session/13",
                "2025-03-04T11:30:00.25Z | no monitor session 13 | netops | unknown | delete | success | acc-9300-07/session/13",
                "2025-03-04T11:31:00Z | monitor session 62 type erspan-source | netops | unknown | create | success | acc-9300-07/session/62",
                "2025-03-04T11:31:02Z | shutdown | netops | unknown | modify | success | acc-9300-07/session/62",
            ],
            Accounting.Render(events.OrderBy(e => e.Time)));
        Assert.Equal((19L, 12L, 0L), (result.Records, result.Matched, result.MalformedCount));
        Assert.All(events, e => Assert.Equal((AuditPlatform.Cisco, "acc-9300-07"), (e.Platform, e.Scope)));
        Assert.Equal("vty1", events.First(e => e.Actor == "jdoe").UserAgent);
    }

    [Fact]
    public void Tacacs_records_carry_their_own_address_and_map_the_nas_address_to_the_device()
    {
        var (result, events) = Accounting.Read("tacacs-acc-9300-07.log");

        Assert.Equal(
            [
                "2025-03-04T10:05:10Z | monitor session 12 source interface GigabitEthernet2/0/15 tx | jdoe | 192.0.2.200 | create | success | acc-9300-07/session/12",
                "2025-03-04T10:05:14Z | monitor session 12 source interface GigabitEthernet2/0/16 - 17 | jdoe | 192.0.2.200 | modify | success | acc-9300-07/session/12",
                "2025-03-04T10:05:20Z | monitor session 12 destination interface GigabitEthernet2/0/47 | jdoe | 192.0.2.200 | modify | success | acc-9300-07/session/12",
                "2025-03-04T10:05:31Z | monitor session 12 filter mac access-group ndr-mac-acl | jdoe | 192.0.2.200 | modify | success | acc-9300-07/session/12",
                "2025-03-04T10:06:02Z | monitor session 60 type erspan-source | jdoe | 192.0.2.200 | create | success | acc-9300-07/session/60",
                "2025-03-04T10:06:05Z | source interface GigabitEthernet2/0/14 rx | jdoe | 192.0.2.200 | modify | success | acc-9300-07/session/60",
                "2025-03-04T10:06:09Z | filter vlan 214 | jdoe | 192.0.2.200 | modify | success | acc-9300-07/session/60",
                "2025-03-04T10:06:12Z | destination | jdoe | 192.0.2.200 | modify | success | acc-9300-07/session/60",
                "2025-03-04T10:06:15Z | ip address 10.77.0.20 | jdoe | 192.0.2.200 | modify | success | acc-9300-07/session/60",
                "2025-03-04T10:06:21Z | no shutdown | jdoe | 192.0.2.200 | modify | success | acc-9300-07/session/60",
            ],
            Accounting.Render(events.OrderBy(e => e.Time)));
        Assert.Equal((14L, 0L), (result.Records, result.MalformedCount));
        Assert.All(events, e => Assert.Equal(("tty4", "tacacs+"), (e.UserAgent, e.Service)));
    }

    [Fact]
    public void A_record_that_says_the_command_failed_is_a_failed_attempt_and_show_commands_are_not_reported()
    {
        var (_, events) = Accounting.Read("tacacs-result-attributes.log");

        Assert.Equal(
            ["2025-03-04T10:20:11Z | monitor session 63 type erspan-source | contractor | 198.51.100.9 | create | failure | acc-9300-07/session/63"],
            Accounting.Render(events));
    }

    [Fact]
    public void A_year_less_line_dated_after_today_was_logged_last_year()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero));
        const string line = "Dec 30 23:59:00\t10.60.0.7\tjdoe\ttty4\t192.0.2.200\tstop\ttask_id=1\tservice=shell\tcmd=no monitor session 12 <cr>\n";

        var events = ReadText(line, time);

        Assert.Equal(new DateTimeOffset(2025, 12, 30, 23, 59, 0, TimeSpan.Zero), Assert.Single(events).Time);
    }

    [Fact]
    public void The_same_line_read_twice_has_the_same_event_id_and_different_lines_different_ids()
    {
        var first = Accounting.Read("tacacs-acc-9300-07.log").Events;
        var second = Accounting.Read("tacacs-acc-9300-07.log").Events;

        Assert.Equal(first.Select(AuditEventKeys.Of), second.Select(AuditEventKeys.Of));
        Assert.Equal(first.Count, first.Select(AuditEventKeys.Of).Distinct().Count());
    }

    [Fact]
    public void No_monitor_session_all_is_a_delete_naming_no_single_session()
    {
        var events = ReadText("<189>1: sw9: Mar  4 2025 09:00:00.000: %PARSER-5-CFGLOG_LOGGEDCMD: User:ops  logged command:no monitor session all\n", Accounting.Clock());

        var e = Assert.Single(events);
        Assert.Equal((AuditAction.Delete, 0), (e.Action, e.ResourceIds.Count));
    }

    [Fact]
    public void A_hostile_command_is_bounded_and_kept_as_text()
    {
        var command = "monitor session 5 description " + new string('A', 3000) + "\u0007<script>";
        var events = ReadText($"<189>1: sw9: Mar  4 2025 09:00:00.000: %PARSER-5-CFGLOG_LOGGEDCMD: User:ops  logged command:{command}\n", Accounting.Clock());

        var e = Assert.Single(events);
        Assert.True(e.EventName.Length <= 1025);
        Assert.DoesNotContain('\u0007', e.EventName);
    }

    private static List<AuditEvent> ReadText(string text, TimeProvider time)
    {
        var events = new List<AuditEvent>();
        new AuditLogReader(EventNameMatcher.Mirror, CiscoAccountingFormat.ReaderOptions(time, Accounting.Aliases))
            .Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), AuditInput.FromFile("test.log", 0), events.Add);
        return events;
    }
}
