namespace PostureScan.Cli;

internal static class CommandLine
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(args.Length == 0 ? 2 : 0);
}
