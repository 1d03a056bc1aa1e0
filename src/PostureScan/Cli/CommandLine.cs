using System.CommandLine;
using PostureScan.Cli.Detect;

namespace PostureScan.Cli;

internal static class CommandLine
{
    private const int UsageError = 2;

    public static RootCommand Create()
    {
        var root = new RootCommand("PostureScan: traffic-mirroring posture scanner (MITRE T1020.001)");
        root.Subcommands.Add(DetectCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var result = Create().Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message);
            }

            return UsageError;
        }

        return await result.InvokeAsync();
    }
}
