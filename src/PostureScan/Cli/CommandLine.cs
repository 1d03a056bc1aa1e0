using System.CommandLine;
using PostureScan.Cli.Detect;
using PostureScan.Cli.Reports;
using PostureScan.Output;

namespace PostureScan.Cli;

/// <summary>The root command: one line per command, each built in its own folder.</summary>
internal static class CommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("PostureScan: inventory, attribute and check traffic-mirroring configurations (MITRE T1020.001)");
        root.Subcommands.Add(ScanCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(EmulatorCommand.Create());
        root.Subcommands.Add(DetectCommand.Create());
        root.Subcommands.Add(PolicyCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(DiffCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(OutboxCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"error: {TerminalText.Message(error.Message)}");
            }

            return ExitCodes.UsageOrConfiguration;
        }

        try
        {
            // Our own handler below maps usage errors to exit code 2; anything else is a bug and should show its stack.
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync($"error: {TerminalText.Message(ex.Message)}");
            return ExitCodes.UsageOrConfiguration;
        }
    }
}
