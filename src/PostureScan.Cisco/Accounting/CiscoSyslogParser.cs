using System.Text.RegularExpressions;

namespace PostureScan.Cisco.Accounting;

/// <summary>
/// Reads IOS syslog lines that say who configured a device: <c>%PARSER-5-CFGLOG_LOGGEDCMD</c> (the
/// command) and <c>%SYS-5-CONFIG_I</c> (user, line and source address). The priority, sequence number
/// and host name before the timestamp are each optional, as devices send them. Anything else: false.
/// </summary>
public static partial class CiscoSyslogParser
{
    /// <summary>True for any IOS syslog message line (<c>%FACILITY-SEVERITY-MNEMONIC: text</c>), whatever its message.</summary>
    public static bool IsMessage(string line) =>
        line is not null && line.Length <= CommandText.MaxLine && Header().IsMatch(line);

    public static bool TryParse(string line, int yearIfMissing, out CiscoCommandEvent? commandEvent)
    {
        ArgumentNullException.ThrowIfNull(line);
        commandEvent = null;
        if (line.Length > CommandText.MaxLine)
        {
            return false;
        }

        var match = Header().Match(line);
        if (!match.Success)
        {
            return false;
        }

        var time = CommandText.Time(match.Groups["mon"].Value, match.Groups["day"].Value,
            match.Groups["year"].Success ? match.Groups["year"].Value : null, match.Groups["clock"].Value, yearIfMissing);
        var device = CommandText.Field(match.Groups["host"].Value, 63);
        var text = match.Groups["text"].Value;
        switch (match.Groups["tag"].Value)
        {
            case "PARSER-5-CFGLOG_LOGGEDCMD" when LoggedCommand().Match(text) is { Success: true } logged:
                var command = CommandText.Field(logged.Groups["cmd"].Value, 1024);
                commandEvent = new CiscoCommandEvent(CommandEventKind.LoggedCommand, time, device,
                    CommandText.Field(logged.Groups["user"].Value), null, null, command, CommandText.SessionNumber(command));
                return true;
            case "SYS-5-CONFIG_I" when ConfiguredFrom().Match(text) is { Success: true } exit:
                commandEvent = new CiscoCommandEvent(CommandEventKind.ConfigExit, time, device,
                    CommandText.Field(exit.Groups["user"].Value), CommandText.Address(exit.Groups["ip"].Value),
                    CommandText.Field(exit.Groups["line"].Value, 32), null, null);
                return true;
            default:
                return false;
        }
    }

    [GeneratedRegex(
        @"^(?:<\d{1,3}>)?\s*(?:\d{0,12}:\s*)?(?:(?<host>[A-Za-z0-9][A-Za-z0-9._-]{0,62}):\s+)?[*.]?(?<mon>[A-Z][a-z]{2})\s+(?<day>\d{1,2})\s+(?:(?<year>\d{4})\s+)?(?<clock>\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?)(?:\s+[A-Z]{2,5})?:\s+%(?<tag>[A-Z0-9_]+-\d-[A-Z0-9_]+):\s+(?<text>.*)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Header();

    [GeneratedRegex(@"^User:(?<user>\S{1,128})\s+logged command:(?<cmd>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex LoggedCommand();

    /// <summary>"Configured from console by akroh on vty0 (10.100.11.10)"; older images omit the user or address.</summary>
    [GeneratedRegex(@"^Configured from \S+ by (?<user>(?!vty\d)\S{1,128}?)(?: on (?<line>\S{1,32}))?(?: \((?<ip>[0-9A-Fa-f:.]{2,45})\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex ConfiguredFrom();
}
