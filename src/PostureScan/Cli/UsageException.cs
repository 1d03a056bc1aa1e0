namespace PostureScan.Cli;

/// <summary>A problem with arguments, configuration or a policy: reported as one message, exit code 2.</summary>
internal class UsageException(string message) : Exception(message);

/// <summary>
/// A setting that binds but cannot be used (a cron expression that does not parse, an unknown time zone). It keeps
/// the setting's full key so that <see cref="Hosting.AppConfiguration.Check"/> can say where the value was set.
/// </summary>
internal sealed class SettingException(string key, string problem) : UsageException($"{key} {problem}")
{
    /// <summary>The full key, sections joined by colons: <c>Serve:ScanCron</c>.</summary>
    public string Key { get; } = key;
}
