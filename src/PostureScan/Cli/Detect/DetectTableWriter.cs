using PostureScan.Core.Audit;
using PostureScan.Output;
using Spectre.Console;

namespace PostureScan.Cli.Detect;

/// <summary>The default terminal table: the seed query's columns, then what the call did and whether it worked.</summary>
internal static class DetectTableWriter
{
    private const int MaxCell = 90;
    private const int RedirectedWidth = 240;

    public static void Write(Stream output, IReadOnlyList<AuditEvent> events, int? terminalWidth)
    {
        var writer = new StreamWriter(output, leaveOpen: true);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminalWidth is null ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = terminalWidth is null ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        console.Profile.Width = terminalWidth ?? RedirectedWidth;
        if (events.Count == 0)
        {
            console.WriteLine("No traffic-mirroring events found.");
            writer.Flush();
            return;
        }

        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in new[] { "Time (UTC)", "Platform", "Event", "Actor", "Source IP", "Action", "Outcome", "Scope", "Resource" })
        {
            table.AddColumn(column);
        }

        foreach (var e in events)
        {
            table.AddRow(
                Cell(AuditNames.Of(e.Time)),
                Cell(AuditNames.Of(e.Platform)),
                Cell(e.EventName),
                Cell(e.Actor),
                Cell(e.SourceIp),
                Cell(AuditNames.Of(e.Action)),
                e.Outcome == AuditOutcome.Failure
                    ? new Text($"failure {TerminalText.Line(e.ErrorCode, MaxCell)}".TrimEnd(), new Style(Color.Red))
                    : new Text(AuditNames.Of(e.Outcome)),
                Cell(e.Scope),
                Cell(e.ResourceIds.Count > 0 ? e.ResourceIds[0] : ""));
        }

        console.Write(table);
        writer.Flush();
    }

    // Text, not Markup: log values may hold "[red]" and must print as they are.
    private static Text Cell(string? value) => new Text(TerminalText.Line(value, MaxCell));
}
