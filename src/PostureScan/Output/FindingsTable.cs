using PostureScan.Core.Findings;
using Spectre.Console;

namespace PostureScan.Output;

/// <summary>The findings of a run by severity and status, then the active ones. Values go in as text, never markup.</summary>
internal static class FindingsTable
{
    public static void Write(IAnsiConsole console, PolicyEvaluation evaluation, int maxFindings = 100)
    {
        var statuses = Enum.GetValues<FindingStatus>();
        var counts = new Table().Title($"Findings ({evaluation.Policy})").AddColumn("Severity");
        foreach (var status in statuses)
        {
            counts.AddColumn(Name(status));
        }

        foreach (var severity in Enum.GetValues<Severity>().Reverse())
        {
            counts.AddRow([new Text(Name(severity)), .. statuses.Select(s => new Text(evaluation.Findings.Count(f => f.Severity == severity && f.Status == s).ToString()))]);
        }

        console.Write(counts);

        var active = evaluation.Findings.Where(f => f.IsActive || f.Status == FindingStatus.Error).ToList();
        if (active.Count > 0)
        {
            var list = new Table().Title("Open findings and errors").AddColumns("Severity", "Status", "Check", "Resource", "Finding");
            foreach (var f in active.Take(maxFindings))
            {
                list.AddRow(
                    new Text(Name(f.Severity)),
                    new Text(Name(f.Status)),
                    new Text(f.CheckId),
                    new Text(TerminalText.Id(f.ResourceId, 40)),
                    new Text(TerminalText.Cell(f.Note is null ? f.Message : $"{f.Message} ({f.Note})", 160)));
            }

            console.Write(list);
        }

        foreach (var skipped in evaluation.NotEvaluated)
        {
            console.WriteLine($"Not evaluated: {skipped.CheckId} ({skipped.Reason})");
        }
    }

    public static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
