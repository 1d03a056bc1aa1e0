using PostureScan.Output;
using Spectre.Console;

namespace PostureScan.Validation;

/// <summary>The pass/fail table per scenario and step, for the terminal. Observed values are log text: plain text only.</summary>
internal static class ValidationTable
{
    public static void Write(IAnsiConsole console, ValidationReport report)
    {
        foreach (var group in report.Steps.GroupBy(s => s.Scenario))
        {
            var title = report.Scenarios.FirstOrDefault(p => p.Name == group.Key)?.Title ?? "Estate";
            var table = new Table().Title($"{group.Key}: {title}").AddColumns("Result", "Step", "Expected", "Observed");
            foreach (var step in group)
            {
                table.AddRow(
                    new Text(step.Passed ? "PASS" : "FAIL", new Style(step.Passed ? Color.Green : Color.Red)),
                    new Text(TerminalText.Cell(step.Step, 70)),
                    new Text(TerminalText.Cell(step.Expected, 60)),
                    new Text(TerminalText.Cell(step.Observed, 110)));
            }

            console.Write(table);
        }

        var failed = report.Steps.Count(s => !s.Passed);
        console.Write(new Text(
            failed == 0
                ? $"Validation passed: {report.Steps.Count} of {report.Steps.Count} steps held.{Environment.NewLine}"
                : $"Validation FAILED: {failed} of {report.Steps.Count} steps did not hold: {string.Join(", ", report.Steps.Where(s => !s.Passed).Select(s => $"{s.Scenario}/{s.Step}").Take(12))}{Environment.NewLine}",
            new Style(failed == 0 ? Color.Green : Color.Red)));
    }
}
