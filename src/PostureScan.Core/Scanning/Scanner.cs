using System.Threading.Channels;
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
            // Discovery feeds the collection as it goes: a source that streams its scopes has its first
            // scopes collected while later accounts are still being discovered.
            var found = Channel.CreateUnbounded<Scope>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });
            var discovering = DiscoverAsync(source, found.Writer, progress, cancellationToken);

            var options = new ParallelOptions
            {
                MaxDegreeOfParallelism = Math.Max(1, maxConcurrency),
                CancellationToken = cancellationToken,
            };
            await Parallel.ForEachAsync(found.Reader.ReadAllAsync(cancellationToken), options, async (scope, ct) =>
            {
                var inventory = await CollectAsync(source, scope, ct);
                lock (gate)
                {
                    results.Add(inventory.Result);
                    sessions.AddRange(inventory.Sessions);
                }
                progress?.ScopeFinished(inventory);
            });

            foreach (var failure in (await discovering).Failures)
            {
                results.Add(failure);
                progress?.ScopeFinished(ScopeInventory.Failed(failure));
            }
        }

        return new ScanRun(
            ScanRun.NewId(startedAt),
            startedAt,
            time.GetUtcNow(),
            [.. sources.Select(s => s.Provider)],
            [.. results.OrderBy(r => r.Scope.Key, StringComparer.Ordinal)],
            [.. sessions.OrderBy(s => s.Scope.Key, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Writes every discovered scope to <paramref name="found"/> (once each) and completes it, so that the collection
    /// ends; returns the discovery's failures. Never throws but for cancellation.
    /// </summary>
    private static async Task<ScopeDiscovery> DiscoverAsync(
        IInventorySource source, ChannelWriter<Scope> found, IScanProgress? progress, CancellationToken cancellationToken)
    {
        ScopeDiscovery discovery;
        try
        {
            discovery = await DiscoveryFeed.RunAsync(source, WriteAsync, cancellationToken);
        }
        finally
        {
            // Also on cancellation: the collection must not wait for scopes that will never come.
            found.TryComplete();
        }

        progress?.ScopesDiscovered(source.Provider, discovery.Scopes.Count + discovery.Failures.Count);
        return discovery;

        async ValueTask WriteAsync(IReadOnlyList<Scope> scopes, CancellationToken ct)
        {
            foreach (var scope in scopes)
            {
                await found.WriteAsync(scope, ct);
            }
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
