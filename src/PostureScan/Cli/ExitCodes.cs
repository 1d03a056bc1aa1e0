namespace PostureScan.Cli;

/// <summary>The exit codes of the command-line contract.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Findings = 1;
    public const int UsageOrConfiguration = 2;
    public const int Partial = 3;
}
