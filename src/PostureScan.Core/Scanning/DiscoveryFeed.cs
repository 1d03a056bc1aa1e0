using PostureScan.Core.Inventory;

namespace PostureScan.Core.Scanning;

/// <summary>
/// Runs one source's discovery and hands every scope it finds to a consumer once, as soon as it is known: batch by
/// batch from a source that streams (<see cref="IStreamingDiscovery"/>, an account's regions at a time), all at
/// the end from one that does not. The scan command collects each batch at once; serve plans it and fires its
/// account jobs at once. Either way discovery's calls, and its throttling backoffs, overlap the collection.
/// </summary>
public static class DiscoveryFeed
{
    /// <summary>
    /// Returns every scope handed to <paramref name="found"/>, in the order handed, and the discovery's failures. A
    /// source that cannot list its scopes at all is one failed provider-wide scope (account and region "*"), which
    /// covers the provider's scopes wherever a failure is read; so this never throws but for cancellation, and one
    /// provider's failure loses no other's.
    /// </summary>
    public static async Task<ScopeDiscovery> RunAsync(
        IInventorySource source, Func<IReadOnlyList<Scope>, CancellationToken, ValueTask> found, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(found);
        var handed = new List<Scope>();
        var seen = new HashSet<Scope>();
        IReadOnlyList<ScopeResult> failures;
        try
        {
            var discovery = source is IStreamingDiscovery streaming
                ? await streaming.DiscoverAsync(HandAsync, cancellationToken)
                : await source.DiscoverAsync(cancellationToken);

            // Whatever a source returned but did not stream (every scope, for one that does not stream).
            await HandAsync(discovery.Scopes, cancellationToken);
            failures = discovery.Failures;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var scope = new Scope(source.Provider, "*", "*");
            failures = [ScopeResult.Failed(scope, ScopeErrorKind.Other, ex.Message, 0, TimeSpan.Zero)];
        }

        lock (seen)
        {
            return new ScopeDiscovery([.. handed], failures);
        }

        async ValueTask HandAsync(IReadOnlyList<Scope> scopes, CancellationToken ct)
        {
            List<Scope> fresh;
            lock (seen)
            {
                fresh = [.. scopes.Where(seen.Add)];
                handed.AddRange(fresh);
            }

            if (fresh.Count > 0)
            {
                await found(fresh, ct);
            }
        }
    }
}
