using System.Globalization;
using System.Text;

namespace PostureScan.Validation;

/// <summary>
/// How the estate's sanctioned SPAN came to be: the network team's admin configured it from the management
/// network weeks ago, and core-sw1's syslog kept the commands. Without this history the sanctioned session
/// could not be attributed, and the negative control would see "who made it?" errors instead of silence.
/// </summary>
internal static class SanctionedDeviceHistory
{
    private const string Device = "core-sw1";
    private const string Admin = "netops-admin";
    private const string AdminAddress = "10.100.11.10";

    private static readonly string[] Commands =
    [
        "monitor session 1 source interface GigabitEthernet1/0/1 both",
        "monitor session 1 destination interface GigabitEthernet1/0/48",
    ];

    public static void Write(string deviceLogs, DateTimeOffset now)
    {
        var time = now.AddDays(-21);
        var syslog = new StringBuilder();
        var sequence = 1200;
        foreach (var command in Commands)
        {
            syslog.Append(CultureInfo.InvariantCulture,
                $"<189>{++sequence}: {Device}: {CiscoScenario.Stamp(time, withYear: true)}: %PARSER-5-CFGLOG_LOGGEDCMD: User:{Admin}  logged command:{command}\n");
            time = time.AddSeconds(6);
        }

        syslog.Append(CultureInfo.InvariantCulture,
            $"<189>{++sequence}: {Device}: {CiscoScenario.Stamp(time, withYear: true)}: %SYS-5-CONFIG_I: Configured from console by {Admin} on vty0 ({AdminAddress})\n");
        File.WriteAllText(Path.Combine(deviceLogs, Device + ".syslog.log"), syslog.ToString());
    }
}
