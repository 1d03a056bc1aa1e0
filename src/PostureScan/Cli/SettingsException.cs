namespace PostureScan.Cli;

/// <summary>
/// Several settings refused at once (every misplaced field of a sink), so that one start names them all;
/// <see cref="Hosting.AppConfiguration.Check"/> says where each was set, one per line.
/// </summary>
internal sealed class SettingsException(IReadOnlyList<SettingException> problems)
    : UsageException(string.Join(Environment.NewLine, problems.Select(p => p.Message)))
{
    public IReadOnlyList<SettingException> Problems { get; } = problems;
}
