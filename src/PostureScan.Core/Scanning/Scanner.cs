using PostureScan.Core.Inventory;

namespace PostureScan.Core.Scanning;

/// <summary>
/// Runs every inventory source over its scopes with bounded concurrency and assembles one
/// <see cref="ScanRun"/>. It never stores anything: the caller commits the run whole.
/// </summary>
public sealed class Scanner(IReadOnlyList<IInventorySource> sources, TimeProvider time, int maxConcurrency)
{
    public async Task<ScanRun> RunAsync(IScanProgress? progress, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var results = new List<ScopeResult>();
        var sessions = new List<MirrorSession>();
        var gate = new object();

        foreach (var source in sources)
        {
            var discovery = await DiscoverAsync(source, cancellationToken);
            progress?.ScopesDiscovered(source.Provider, discovery.Scopes.Count + discovery.Failures.Count);
            foreach (var failure in discovery.Failures)
            {
                results.Add(failure);
                progress?.ScopeFinished(ScopeInventory.Failed(failure));
            }

            var options = new ParallelOptions
            {
                MaxDegreeOfParallelism = Math.Max(1, maxConcurrency),
                CancellationToken = cancellationToken,
            };
            await Parallel.ForEachAsync(discovery.Scopes, options, async (scope, ct) =>
            {
                var inventory = await CollectAsync(source, scope, ct);
                lock (gate)
                {
                    results.Add(inventory.Result);
                    sessions.AddRange(inventory.Sessions);
                }
                progress?.ScopeFinished(inventory);
            });
        }

        return new ScanRun(
            ScanRun.NewId(startedAt),
            startedAt,
            time.GetUtcNow(),
            [.. sources.Select(s => s.Provider)],
            [.. results.OrderBy(r => r.Scope.Key, StringComparer.Ordinal)],
            [.. sessions.OrderBy(s => s.Scope.Key, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal)]);
    }

    private static async Task<ScopeDiscovery> DiscoverAsync(IInventorySource source, CancellationToken cancellationToken)
    {
        try
        {
            return await source.DiscoverAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A source that cannot even list its scopes is one failed provider-wide scope, not a lost run.
            var scope = new Scope(source.Provider, "*", "*");
            return new ScopeDiscovery([], [ScopeResult.Failed(scope, ScopeErrorKind.Other, ex.Message, 0, TimeSpan.Zero)]);
        }
    }

    private async Task<ScopeInventory> CollectAsync(IInventorySource source, Scope scope, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            return await source.CollectAsync(scope, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Sources turn cloud errors into failed results themselves; this is the backstop for bugs,
            // so that one scope's surprise is recorded instead of sinking the run.
            return ScopeInventory.Failed(ScopeResult.Failed(
                scope, ScopeErrorKind.Other, $"{ex.GetType().Name}: {ex.Message}", 0, time.GetElapsedTime(started)));
        }
    }
}
