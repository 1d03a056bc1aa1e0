using System.Text.RegularExpressions;
using PostureScan.Core.Inventory;

namespace PostureScan.Cisco.Parsing;

/// <summary>
/// Reads <c>show monitor</c>, <c>show monitor session all</c> and <c>show monitor session N</c> output
/// of IOS-XE (<c>Session 10</c>, <c>Type : Local Session</c>) and NX-OS (<c>session 1</c>,
/// <c>type : local</c>). Prompts, CPU-load banners and log lines before a session are noise; the
/// NX-OS feature table and legend after one are skipped; anything else is kept as an issue.
/// </summary>
internal sealed partial class ShowMonitorParser
{
    private readonly SessionTable sessions = new();
    private readonly List<ParseIssue> fileIssues = [];
    private SessionDraft? current;
    private ShowField listContext = ShowField.Ignore;
    private bool skipping;

    public static (IReadOnlyList<SessionDraft> Sessions, IReadOnlyList<ParseIssue> FileIssues) Parse(IEnumerable<SourceLine> lines)
    {
        var parser = new ShowMonitorParser();
        foreach (var line in lines)
        {
            parser.Read(line);
        }

        return (parser.sessions.All, parser.fileIssues);
    }

    private void Read(SourceLine line)
    {
        if (line.TooLong)
        {
            // Before the first session it is noise like any other banner.
            if (!skipping)
            {
                current?.AddIssue(ParseIssue.At(line.Number, "line too long", line.Text));
            }

            return;
        }

        var text = line.Text;
        var header = Header().Match(text);
        if (header.Success)
        {
            StartSession(header, line);
            return;
        }

        if (current is null || skipping || text.Length == 0 || text.All(c => c == '-'))
        {
            return;
        }

        if (TrailerStart().IsMatch(text))
        {
            skipping = true;
            return;
        }

        if (Prompt().IsMatch(text))
        {
            current = null;
            return;
        }

        current.AddLine(line);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            current.AddIssue(ParseIssue.At(line.Number, "not a field", text));
            return;
        }

        var key = Spaces().Replace(text[..colon].Trim(), " ");
        if (!ShowFields.ByKey.TryGetValue(key, out var field))
        {
            current.AddIssue(ParseIssue.At(line.Number, "unknown field", text));
            return;
        }

        if (ShowFieldReader.Apply(current, field, text[(colon + 1)..].Trim(), ref listContext) is { } reason)
        {
            current.AddIssue(ParseIssue.At(line.Number, reason, text));
        }
    }

    private void StartSession(Match header, SourceLine line)
    {
        skipping = false;
        listContext = ShowField.Ignore;
        current = int.TryParse(header.Groups["n"].ValueSpan, out var number) && number is >= 1 and <= 65535
            ? sessions.Start(number, line.Number)
            : null;
        if (current is null)
        {
            fileIssues.Add(ParseIssue.At(line.Number, "bad or too many sessions", line.Text));
            return;
        }

        current.AddLine(line);
    }

    [GeneratedRegex(@"^session\s+(?<n>\d{1,9})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Header();

    /// <summary>The NX-OS feature table and legend that follow a session's fields.</summary>
    [GeneratedRegex(@"^(Feature\s+Enabled\b|Legend:)", RegexOptions.CultureInvariant)]
    private static partial Regex TrailerStart();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._()-]{0,62}\s*[#>]", RegexOptions.CultureInvariant)]
    private static partial Regex Prompt();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
