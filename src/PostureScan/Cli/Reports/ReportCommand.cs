using System.CommandLine;
using PostureScan.Reporting;

namespace PostureScan.Cli.Reports;

/// <summary><c>posturescan report [--run ID|latest] --format html|md|json --out FILE [--db FILE]</c></summary>
internal static class ReportCommand
{
    public static Command Create() => Build(
        "report",
        "Write the posture report of a stored run: summary, charts, findings with evidence, drift, scope errors",
        ReportWriters.Reports);

    /// <summary>report and export differ only in their writers.</summary>
    public static Command Build(string name, string description, IReadOnlyList<IReportWriter> writers)
    {
        var run = new Option<string?>("--run") { Description = "The run's id, or latest (default)" };
        var format = new Option<string>("--format")
        {
            Description = $"Output format: {string.Join(", ", writers.Select(w => w.Format))}",
            Required = true,
        };
        format.AcceptOnlyFromAmong([.. writers.Select(w => w.Format)]);
        var output = new Option<string>("--out") { Description = "Output file, or - for standard output", Required = true };
        var db = CommonOptions.Db();
        var command = new Command(name, description) { run, format, output, db };
        command.SetAction(async (parse, ct) =>
        {
            var writer = StoreReports.Writer(writers, parse.GetValue(format)!);
            var data = await StoreReports.LoadAsync(parse.GetValue(db), parse.GetValue(run), TimeProvider.System, ct);
            var target = parse.GetValue(output)!;
            await StoreReports.WriteAsync(writer, data, target, ct);
            if (target != "-")
            {
                await Console.Error.WriteLineAsync($"Wrote the {writer.Format} {name} of run {data.Run.Id} to {Path.GetFullPath(target)}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
