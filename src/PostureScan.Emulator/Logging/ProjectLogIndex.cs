using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Logging;

/// <summary>Each project's audit log entries, rendered once, oldest first (Cloud Logging's default order).</summary>
internal sealed class ProjectLogIndex
{
    private readonly Dictionary<string, IReadOnlyList<LogEntryView>> _logs = new(StringComparer.Ordinal);

    public ProjectLogIndex(AuditWorld audit)
    {
        foreach (var log in audit.CloudLogging)
        {
            _logs[log.Project] = [.. log.Events.Select((r, i) => LogEntries.Render(r, log.Project, i)).OrderBy(e => e.Time)];
        }
    }

    public IReadOnlyList<LogEntryView> Entries(string project) => _logs.TryGetValue(project, out var entries) ? entries : [];
}
