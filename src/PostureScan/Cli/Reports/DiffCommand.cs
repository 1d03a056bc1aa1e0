using System.CommandLine;
using System.Text.Json;
using PostureScan.Core.Drift;
using PostureScan.Core.Serialization;
using PostureScan.Output;
using PostureScan.Reporting;
using Spectre.Console;

namespace PostureScan.Cli.Reports;

/// <summary><c>posturescan diff [--from ID] [--to ID] [--db FILE] [--json]</c>: what changed between two stored runs.</summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var from = new Option<string?>("--from") { Description = "The earlier run (default: the run before --to)" };
        var to = new Option<string?>("--to") { Description = "The later run, or latest (default)" };
        var db = CommonOptions.Db();
        var json = new Option<bool>("--json") { Description = "Print the drift as one JSON object" };
        var command = new Command("diff", "Mirrors added, removed, retargeted, re-filtered, enabled, disabled or re-attributed between two runs") { from, to, db, json };
        command.SetAction(async (parse, ct) =>
        {
            RunDrift drift;
            await using (var store = await StoreReports.OpenAsync(parse.GetValue(db), ct))
            {
                try
                {
                    drift = await StoreReports.Loader(store, TimeProvider.System).LoadDriftAsync(parse.GetValue(from), parse.GetValue(to), ct);
                }
                catch (ReportInputException ex)
                {
                    throw new UsageException(ex.Message);
                }
            }

            if (parse.GetValue(json))
            {
                // The records' own JSON, with control, format and separator characters escaped for the terminal.
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(drift, OutputJson.Options));
            }
            else
            {
                Write(drift);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(RunDrift drift)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 240;
        }

        console.WriteLine($"From run {drift.FromRunId} to run {drift.ToRunId}: {drift.Changes.Count} change(s) over {drift.ComparedScopes.Count} scope(s) read in both runs");
        if (drift.Changes.Count > 0)
        {
            var table = new Table().AddColumns("Change", "Scope", "Mirror", "Before", "After");
            foreach (var change in drift.Changes)
            {
                table.AddRow(
                    new Text(FindingsTable.Name(change.Kind)),
                    new Text(TerminalText.Cell(change.Scope.Key, 60)),
                    new Text(TerminalText.Cell(change.SessionId, 40)),
                    new Text(TerminalText.Cell(change.Before, 80)),
                    new Text(TerminalText.Cell(change.After, 80)));
            }

            console.Write(table);
        }

        foreach (var scope in drift.Uncomparable)
        {
            console.WriteLine($"Not compared: {TerminalText.Cell(scope.Scope.Key, 60)}: {TerminalText.Cell(scope.Reason, 160)}");
        }
    }
}
