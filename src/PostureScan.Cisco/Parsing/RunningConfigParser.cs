using System.Globalization;

namespace PostureScan.Cisco.Parsing;

/// <summary>
/// Reads the monitor sessions of an IOS, IOS-XE or NX-OS running-config: classic one-line commands
/// (<c>monitor session 1 source interface Gi1/0/1 rx</c>) and sub-mode blocks (<c>monitor session 2
/// type erspan-source</c> or NX-OS <c>monitor session 1</c>, then indented commands, with an indented
/// <c>destination</c> or <c>source</c> sub-sub-mode). Every other line of the config is ignored;
/// monitor lines it cannot read are recorded as issues, never thrown.
/// </summary>
internal sealed class RunningConfigParser
{
    private readonly SessionTable sessions = new();
    private readonly List<ParseIssue> fileIssues = [];
    private SessionDraft? block;
    private int nestedIndent = -1;

    public static (IReadOnlyList<SessionDraft> Sessions, IReadOnlyList<ParseIssue> FileIssues) Parse(IEnumerable<SourceLine> lines)
    {
        var parser = new RunningConfigParser();
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
            // A long line elsewhere in a config (a banner, a key) is none of our business.
            if (block is not null && line.Indent > 0)
            {
                block.AddIssue(ParseIssue.At(line.Number, "line too long", line.Text));
            }
            else if (line.Text.StartsWith("monitor", StringComparison.OrdinalIgnoreCase))
            {
                block = null;
                fileIssues.Add(ParseIssue.At(line.Number, "line too long", line.Text));
            }

            return;
        }

        if (line.Text.Length == 0)
        {
            return;
        }

        if (block is not null && line.Indent > 0)
        {
            ReadBlockLine(block, line);
            return;
        }

        block = null;
        nestedIndent = -1;
        if (line.Text.StartsWith("monitor session", StringComparison.OrdinalIgnoreCase))
        {
            ReadMonitorLine(line);
        }
    }

    private void ReadMonitorLine(SourceLine line)
    {
        var words = Words(line.Text);
        if (words.Length < 3 || !TryNumber(words[2], out var number))
        {
            fileIssues.Add(ParseIssue.At(line.Number, "monitor session without a session number", line.Text));
            return;
        }

        var draft = sessions.Get(number, line.Number);
        if (draft is null)
        {
            fileIssues.Add(ParseIssue.At(line.Number, "too many sessions", line.Text));
            return;
        }

        draft.AddLine(line);
        if (words.Length == 3 || (words.Length == 5 && string.Equals(words[3], "type", StringComparison.OrdinalIgnoreCase)))
        {
            OpenBlock(draft, words, line);
            return;
        }

        if (MonitorCommand.Apply(draft, words[3..]) is { } reason)
        {
            draft.AddIssue(ParseIssue.At(line.Number, reason, line.Text));
        }
    }

    private void OpenBlock(SessionDraft draft, string[] words, SourceLine line)
    {
        block = draft;
        nestedIndent = -1;

        // Sub-mode sessions start shut down until "no shutdown" (IOS-XE ERSPAN, NX-OS); running-config
        // prints "no shutdown" for the ones that run.
        draft.EnabledByDefault = false;
        if (words.Length == 5)
        {
            if (SessionKinds.ByDeviceName.TryGetValue(words[4], out var kind))
            {
                draft.Kind = kind;
            }
            else
            {
                draft.AddIssue(ParseIssue.At(line.Number, "unknown session type", line.Text));
            }
        }
    }

    private void ReadBlockLine(SessionDraft draft, SourceLine line)
    {
        draft.AddLine(line);
        var words = Words(line.Text);
        if (nestedIndent >= 0 && line.Indent <= nestedIndent)
        {
            nestedIndent = -1;
        }

        // A bare "destination" (ERSPAN source) or "source" (ERSPAN destination) opens the sub-sub-mode
        // that holds erspan-id, ip address, origin ip address and the carrier settings.
        if (words.Length == 1 && (words[0].Equals("destination", StringComparison.OrdinalIgnoreCase)
            || words[0].Equals("source", StringComparison.OrdinalIgnoreCase)))
        {
            nestedIndent = line.Indent;
            return;
        }

        if (MonitorCommand.Apply(draft, words) is { } reason)
        {
            draft.AddIssue(ParseIssue.At(line.Number, reason, line.Text));
        }
    }

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static bool TryNumber(string text, out int number) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number is >= 1 and <= 65535;
}
