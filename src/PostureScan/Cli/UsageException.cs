namespace PostureScan.Cli;

/// <summary>A problem with arguments, configuration or a policy: reported as one message, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
