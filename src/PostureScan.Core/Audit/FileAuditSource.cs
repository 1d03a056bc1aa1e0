using System.Globalization;
using PostureScan.Core.Audit.Matching;
using PostureScan.Core.Audit.Reading;
using PostureScan.Core.Inventory;

namespace PostureScan.Core.Audit;

/// <summary>
/// Audit events from files and folders (CloudTrail, Activity Log or Cloud Audit Log exports, gzip or not),
/// through the same readers as <c>detect</c>. A file is checkpointed by its length and write time: an
/// unchanged file is not read again, a grown or rewritten one is read whole (the store keeps each event once).
/// What the files cover is each account they hold events for, from the oldest event to the newest.
/// </summary>
public sealed class FileAuditSource(string name, IReadOnlyList<string> paths, AuditReaderOptions? options = null) : IAuditSource
{
    /// <summary>The provider of a file source: its files may hold any platform's records.</summary>
    public const string AnyProvider = "*";

    public string Name { get; } = name;

    public string Provider => AnyProvider;

    public IReadOnlyList<string> Paths { get; } = paths;

    public Task<AuditSourceResult> ReadAsync(AuditReadRequest request, Action<AuditEvent> onEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(onEvent);
        var files = AuditInputPaths.Expand(Paths.Where(p => p != AuditInputPaths.StandardInput), out var missing);
        if (missing is not null)
        {
            return Task.FromResult(AuditSourceResult.Failed(AuditSourceFailureKind.NotFound, $"{missing}: no such file or folder"));
        }

        var reader = new AuditLogReader(EventNameMatcher.Mirror, options ?? AuditReaderOptions.Default);
        var checkpoints = new List<AuditCheckpoint>();
        var inputs = new List<AuditReadResult>();
        var scopes = new Dictionary<Scope, ScopeTally>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = System.IO.Path.GetFullPath(file);
            var position = Position(key);
            if (request.CheckpointFor(key)?.Position == position)
            {
                continue;
            }

            DateTimeOffset? newest = null;
            try
            {
                inputs.Add(reader.ReadFile(file, e =>
                {
                    if (e.Time < request.NotBefore)
                    {
                        return;
                    }

                    newest = newest is { } n && n > e.Time ? n : e.Time;
                    if (e.Scope is not null)
                    {
                        var scope = new Scope(AuditProviders.Of(e.Platform), e.Scope, "*");
                        scopes[scope] = (scopes.TryGetValue(scope, out var t) ? t : new ScopeTally(e.Time, e.Time, 0)).Add(e.Time);
                    }

                    onEvent(e);
                }));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // One unreadable file may hold the create event we look for: the source as a whole cannot answer.
                return Task.FromResult(AuditSourceResult.Failed(AuditSourceFailureKind.Other, $"{file}: {ex.Message}"));
            }

            checkpoints.Add(new AuditCheckpoint(key, position, newest));
        }

        var reads = scopes.Select(p => new AuditScopeRead(p.Key, new AuditWindow(p.Value.Oldest, p.Value.Newest), 0, p.Value.Matched, 0)).ToList();
        return Task.FromResult(new AuditSourceResult(checkpoints, reads, null, inputs));
    }

    private static string Position(string path)
    {
        var info = new FileInfo(path);
        return string.Create(CultureInfo.InvariantCulture, $"{info.Length}:{info.LastWriteTimeUtc.Ticks}");
    }

    private readonly record struct ScopeTally(DateTimeOffset Oldest, DateTimeOffset Newest, long Matched)
    {
        public ScopeTally Add(DateTimeOffset time) =>
            new(time < Oldest ? time : Oldest, time > Newest ? time : Newest, Matched + 1);
    }
}
