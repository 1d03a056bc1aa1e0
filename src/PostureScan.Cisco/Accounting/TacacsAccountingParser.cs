using System.Text.RegularExpressions;

namespace PostureScan.Cisco.Accounting;

/// <summary>
/// Reads TACACS+ command accounting lines as tac_plus writes them (tab- or space-separated): time, NAS
/// (device) address, user, port, remote address, start|stop|update, then attribute pairs ending with
/// <c>cmd=... &lt;cr&gt;</c> (IOS), or a quoted <c>cmd="..."</c> followed by <c>result=</c> or <c>status=</c>
/// as other servers write. Lines without a command are not command records: false. <see cref="IsRecord"/>
/// recognises any accounting record (start, stop, update), with or without a command.
/// </summary>
public static partial class TacacsAccountingParser
{
    /// <summary>True for any accounting record line, whether or not it carries a command.</summary>
    public static bool IsRecord(string line) =>
        line is not null && line.Length <= CommandText.MaxLine && Record().IsMatch(line);

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

        var avs = match.Groups["avs"].Value;
        var cmd = Command().Match(avs);
        if (!cmd.Success)
        {
            return false;
        }

        var value = cmd.Groups["q"].Success ? cmd.Groups["q"].Value : cmd.Groups["cmd"].Value;
        var command = CommandText.Field(value.Trim(), 1024);
        var others = avs[..cmd.Index] + " " + avs[(cmd.Index + cmd.Length)..];
        var failed = Result().Match(others) is { Success: true } result && FailureWords.Contains(result.Groups["v"].Value.Trim('"'));
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
            CommandText.SessionNumber(command),
            failed);
        return true;
    }

    [GeneratedRegex(
        @"^(?:[A-Z][a-z]{2}\s+)?(?<mon>[A-Z][a-z]{2})\s+(?<day>\d{1,2})\s+(?<clock>\d{2}:\d{2}:\d{2})(?:\s+(?<year>\d{4}))?\s+(?<nas>\S{1,64})\s+(?<user>\S{1,128})\s+(?<port>\S{1,32})\s+(?<rem>\S{1,64})\s+(?:start|stop|update)\s+(?<avs>.*)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Record();

    /// <summary>cmd="quoted" anywhere, else cmd=... up to " &lt;cr&gt;", a result/status attribute, or the end.</summary>
    [GeneratedRegex(
        @"(?:^|\s)cmd=(?:""(?<q>[^""]{0,1024})""|(?<cmd>.*?)\s*(?:<cr>\s*)?(?=\s(?:result|status)=|$))",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Command();

    [GeneratedRegex(@"(?:^|\s)(?:result|status)=(?<v>""[^""]{0,64}""|\S{1,64})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Result();

    private static readonly HashSet<string> FailureWords = new(["fail", "failed", "failure", "denied", "rejected", "error"], StringComparer.OrdinalIgnoreCase);
}
