using System.Text;
using System.Text.Json;
using PostureScan.Cisco.Accounting;
using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Matching;
using PostureScan.Core.Audit.Reading;

namespace PostureScan.Cisco.Tests;

/// <summary>A command that syslog and TACACS+ accounting both recorded is one event with both records as evidence.</summary>
public sealed class MergedCommandTests
{
    private const string Syslog = """
        <189>101: dist-sw4: Mar  4 2025 10:05:09.400: %PARSER-5-CFGLOG_LOGGEDCMD: User:netops  logged command:mon ses 1 sou int gi1/0/5 b
        <189>102: dist-sw4: Mar  4 2025 10:05:13.900: %PARSER-5-CFGLOG_LOGGEDCMD: User:netops  logged command:monitor session 1 destination interface Gi1/0/48
        <189>103: dist-sw4: Mar  4 2025 10:05:20.000: %SYS-5-CONFIG_I: Configured from console by netops on vty0 (10.100.11.10)
        <189>104: dist-sw4: Mar  4 2025 10:09:30.000: %PARSER-5-CFGLOG_LOGGEDCMD: User:netops  logged command:monitor session 1 destination interface Gi1/0/48
        <189>105: dist-sw4: Mar  4 2025 10:09:31.000: %SYS-5-CONFIG_I: Configured from console by netops on vty0 (10.100.11.10)

        """;

    private const string Tacacs =
        "Mar  4 10:05:10\t10.61.0.4\tnetops\ttty2\t10.100.11.10\tstop\ttask_id=91\tservice=shell\tcmd=monitor session 1 source interface GigabitEthernet1/0/5 both <cr>\n"
        + "Mar  4 10:05:14\t10.61.0.4\tnetops\ttty2\t10.100.11.10\tstop\ttask_id=92\tservice=shell\tcmd=monitor session 1 destination interface GigabitEthernet1/0/48 <cr>\n"
        + "Mar  4 10:09:30\t10.61.0.4\tnetops\ttty2\t10.100.11.10\tstop\ttask_id=93\tservice=shell\tcmd=monitor session 1 destination interface GigabitEthernet1/0/48 <cr>\n";

    private static List<AuditEvent> Read(params (string Name, string Text)[] logs)
    {
        var events = new List<AuditEvent>();
        var options = CiscoAccountingFormat.ReaderOptions(Accounting.Clock(), new Dictionary<string, string> { ["10.61.0.4"] = "dist-sw4" });
        var reader = new AuditLogReader(EventNameMatcher.Mirror, options);
        foreach (var (name, text) in logs)
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
            reader.Read(stream, AuditInput.FromFile(name, 0), events.Add);
        }

        return events;
    }

    [Fact]
    public void The_same_command_in_both_logs_is_one_event_and_a_repeat_minutes_later_is_another()
    {
        var events = Read(("router.log", Syslog), ("acct.log", Tacacs));
        Assert.Equal(6, events.Count);

        var merged = DetectionResults.Arrange(events, AuditEventFilter.All);

        Assert.Equal(
            [
                "2025-03-04T10:09:30Z | monitor session 1 destination interface GigabitEthernet1/0/48 | netops | 10.100.11.10 | modify | syslog+tacacs+",
                "2025-03-04T10:05:13.9Z | monitor session 1 destination interface GigabitEthernet1/0/48 | netops | 10.100.11.10 | modify | syslog+tacacs+",
                "2025-03-04T10:05:09.4Z | monitor session 1 source interface GigabitEthernet1/0/5 both | netops | 10.100.11.10 | create | syslog+tacacs+",
            ],
            merged.Select(e => $"{AuditNames.Of(e.Time)} | {e.EventName} | {e.Actor} | {e.SourceIp} | {AuditNames.Of(e.Action)} | {e.Service}"));
        var first = merged[^1];
        Assert.Equal(["acct.log#1", "router.log#1"], first.Evidence!.Select(i => i.ToString()));
        using var raw = JsonDocument.Parse(first.RawJson!);
        Assert.Equal(["tacacs+", "syslog"], raw.RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("log").GetString()));
        Assert.Contains("mon ses 1 sou int gi1/0/5 b", raw.RootElement.GetProperty("records")[1].GetProperty("raw").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Records_of_one_log_never_merge_and_other_users_devices_or_commands_stay_apart()
    {
        var repeated = Syslog.Replace("10:09:30.000", "10:05:15.000", StringComparison.Ordinal);
        var otherUser = Tacacs.Replace("\tnetops\t", "\tjdoe\t", StringComparison.Ordinal);

        // The same command typed twice a second apart, logged by syslog alone: two commands.
        Assert.Equal(3, DetectionResults.Arrange(Read(("router.log", repeated)), AuditEventFilter.All).Count);

        // With accounting, each record pairs with the nearest of the other log; the 10:09:30 record has none within the window.
        var paired = DetectionResults.Arrange(Read(("router.log", repeated), ("acct.log", Tacacs)), AuditEventFilter.All);
        Assert.Equal(["syslog+tacacs+", "syslog+tacacs+", "syslog", "tacacs+"], paired.OrderBy(e => e.Time).Select(e => e.Service));

        Assert.Equal(6, DetectionResults.Arrange(Read(("router.log", Syslog), ("acct.log", otherUser)), AuditEventFilter.All).Count);
    }
}
