namespace PostureScan.Cli.Detect;

/// <summary>
/// The standard streams of one <c>detect</c> run, passed in so tests can run it in-process.
/// <paramref name="TerminalWidth"/> is null when the output is not a terminal (no colours then).
/// </summary>
internal sealed record DetectConsole(Stream Input, Stream Output, TextWriter Error, TimeProvider Time, int? TerminalWidth = null)
{
    public static DetectConsole System() =>
        new(Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error, TimeProvider.System,
            Console.IsOutputRedirected ? null : Console.WindowWidth);
}
