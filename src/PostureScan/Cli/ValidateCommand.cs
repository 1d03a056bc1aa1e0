using System.CommandLine;
using PostureScan.Validation;
using Spectre.Console;

namespace PostureScan.Cli;

/// <summary>
/// <c>posturescan validate [--scenario aws|azure|gcp|cisco|all] [--report FILE] [--out DIR]</c>: plays the four
/// T1020.001 adversary tests in the built-in emulator and shows, step by step, that inventory, attribution,
/// policy and detect catch each one. Exit 0 only when every step holds, 1 when one does not.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create() => Create(() => ValidationSeams.None, TimeProvider.System);

    /// <summary>The command with <paramref name="seams"/> to break a link on purpose (tests only).</summary>
    public static Command Create(Func<ValidationSeams> seams, TimeProvider time)
    {
        var scenario = new Option<string>("--scenario")
        {
            Description = "Which adversary test to play: aws, azure, gcp, cisco or all",
            DefaultValueFactory = _ => "all",
        };
        scenario.AcceptOnlyFromAmong([.. ValidationRunner.All.Select(s => s.Name), "all"]);
        var report = new Option<FileInfo?>("--report") { Description = "Write the evidence to FILE.md and FILE.json" };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Keep the estate (database, configuration, device files and logs) in DIR; default a temporary folder, removed after" };
        var command = new Command("validate", "Replay the T1020.001 adversary tests in the built-in emulator and prove that each is caught") { scenario, report, output };
        command.SetAction(async (parse, ct) =>
        {
            var chosen = parse.GetValue(scenario) ?? "all";
            var scenarios = ValidationRunner.All.Where(s => chosen == "all" || s.Name == chosen).ToList();
            var kept = parse.GetValue(output);
            var folder = kept?.FullName ?? Path.Combine(Path.GetTempPath(), "posturescan-validate-" + Guid.NewGuid().ToString("N")[..12]);
            try
            {
                var result = await new ValidationRunner(seams(), time).RunAsync(scenarios, folder, ct);
                var stdout = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
                if (Console.IsOutputRedirected)
                {
                    stdout.Profile.Width = 240;
                }

                ValidationTable.Write(stdout, result);
                if (parse.GetValue(report) is { } file)
                {
                    var (markdown, json) = await EvidenceWriter.WriteAsync(result, file.FullName, ct);
                    await Console.Out.WriteLineAsync($"Evidence: {markdown} and {json}");
                }

                return result.Passed ? ExitCodes.Success : ExitCodes.Findings;
            }
            finally
            {
                if (kept is null && Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        });
        return command;
    }
}
