using System.Text.RegularExpressions;

namespace PostureScan.Cisco.Accounting;

/// <summary>
/// Reads TACACS+ command accounting lines as tac_plus writes them (tab- or space-separated): time, NAS
/// (device) address, user, port, remote address, start|stop|update, then attribute pairs ending with
/// <c>cmd=... &lt;cr&gt;</c>. Lines without a command are not command records: false.
/// </summary>
public static partial class TacacsAccountingParser
{
    public static bool TryParse(string line, int yearIfMissing, out CiscoCommandEvent? commandEvent)
    {
        ArgumentNullException.ThrowIfNull(line);
        commandEvent = null;
        if (line.Length > CommandText.MaxLine)
        {
            return false;
        }

        var match = Record().Match(line);
        if (!match.Success)
        {
            return false;
        }

        var cmd = Command().Match(match.Groups["avs"].Value);
        if (!cmd.Success)
        {
            return false;
        }

        var command = CommandText.Field(cmd.Groups["cmd"].Value.Trim(), 1024);
        var time = CommandText.Time(match.Groups["mon"].Value, match.Groups["day"].Value,
            match.Groups["year"].Success ? match.Groups["year"].Value : null, match.Groups["clock"].Value, yearIfMissing);
        commandEvent = new CiscoCommandEvent(
            CommandEventKind.TacacsAccounting,
            time,
            CommandText.Field(match.Groups["nas"].Value, 63),
            CommandText.Field(match.Groups["user"].Value),
            CommandText.Address(match.Groups["rem"].Value),
            CommandText.Field(match.Groups["port"].Value, 32),
            command,
            CommandText.SessionNumber(command));
        return true;
    }

    [GeneratedRegex(
        @"^(?:[A-Z][a-z]{2}\s+)?(?<mon>[A-Z][a-z]{2})\s+(?<day>\d{1,2})\s+(?<clock>\d{2}:\d{2}:\d{2})(?:\s+(?<year>\d{4}))?\s+(?<nas>\S{1,64})\s+(?<user>\S{1,128})\s+(?<port>\S{1,32})\s+(?<rem>\S{1,64})\s+(?:start|stop|update)\s+(?<avs>.*)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Record();

    [GeneratedRegex(@"(?:^|\s)cmd=(?<cmd>.*?)\s*(?:<cr>)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Command();
}
