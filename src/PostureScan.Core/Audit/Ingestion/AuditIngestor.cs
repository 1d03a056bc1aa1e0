using PostureScan.Core.Attribution;
using PostureScan.Core.Inventory;

namespace PostureScan.Core.Audit.Ingestion;

/// <summary>
/// Reads every configured audit source from its checkpoints, keeps the write events not stored yet, and
/// works out what the logs cover per scope. A source that fails or throws is recorded as failed (its scopes
/// become unknown for attribution); it never fails the scan. Only cancellation is thrown.
/// </summary>
public sealed class AuditIngestor(IReadOnlyList<IAuditSource> sources, IAuditStore store, TimeSpan lookback)
{
    public async Task<AuditIngestion> IngestAsync(IReadOnlyList<Scope> scopes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await store.GetAuditEventsAsync(cancellationToken);
        var known = new HashSet<string>(stored.Select(AuditEventKeys.Of), StringComparer.Ordinal);
        var storedCoverage = await store.GetCoverageAsync(cancellationToken);
        var fresh = new List<StoredAuditEvent>();
        var checkpoints = new List<SourceCheckpoint>();
        var statuses = new List<AuditSourceStatus>();
        var coverage = new List<AuditCoverage>();

        foreach (var source in sources)
        {
            var request = new AuditReadRequest(await store.GetCheckpointsAsync(source.Name, cancellationToken), now - lookback, now, scopes);
            var added = new List<StoredAuditEvent>();
            var result = await ReadAsync(source, request, e =>
            {
                var item = StoredAuditEvent.Of(source.Name, e);
                if (e.IsWrite && known.Add(item.Key))
                {
                    added.Add(item);
                }
            }, cancellationToken);

            fresh.AddRange(added);
            checkpoints.AddRange(result.Checkpoints.Select(c => new SourceCheckpoint(source.Name, c)));
            statuses.Add(new AuditSourceStatus(source.Name, null, null, result.Records, result.Matched, result.Malformed, added.Count, result.Failure));
            statuses.AddRange(result.Scopes.Select(s => new AuditSourceStatus(source.Name, s.Scope, s.Window, s.Records, s.Matched, s.Malformed, 0, s.Failure)));
            coverage.AddRange(Coverage(source, result, storedCoverage.Where(c => c.Source == source.Name).ToList(), scopes));
        }

        return new AuditIngestion(fresh, [.. stored, .. fresh.Select(f => f.Event)], checkpoints, statuses, coverage);
    }

    private static async Task<AuditSourceResult> ReadAsync(IAuditSource source, AuditReadRequest request, Action<AuditEvent> onEvent, CancellationToken cancellationToken)
    {
        try
        {
            return await source.ReadAsync(request, onEvent, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A source is supposed to report its failures; one that throws anyway must not lose the inventory.
            return AuditSourceResult.Failed(AuditSourceFailureKind.Other, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>
    /// The source's coverage after this run: stored windows widened by what was read; every scope of a failed
    /// source (or a failed scope) marked failed, including inventory scopes it never covered before.
    /// </summary>
    private static IEnumerable<AuditCoverage> Coverage(IAuditSource source, AuditSourceResult result, List<AuditCoverageWindow> stored, IReadOnlyList<Scope> scopes)
    {
        if (result.Failure is { } failure)
        {
            var served = scopes.Where(s => source.Provider == FileAuditSource.AnyProvider || string.Equals(s.Provider, source.Provider, StringComparison.Ordinal));
            return stored.Select(c => c.Scope).Concat(served).Distinct().Select(s => new AuditCoverage(source.Name, s, null, failure));
        }

        var merged = stored.ToDictionary(c => c.Scope, c => new AuditCoverage(source.Name, c.Scope, c.Window, null));
        foreach (var read in result.Scopes)
        {
            var before = merged.TryGetValue(read.Scope, out var c) ? c.Window : null;
            merged[read.Scope] = new AuditCoverage(source.Name, read.Scope, AuditWindow.Union(before, read.Window), read.Failure);
        }

        return merged.Values;
    }
}
