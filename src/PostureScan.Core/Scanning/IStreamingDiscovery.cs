using PostureScan.Core.Inventory;

namespace PostureScan.Core.Scanning;

/// <summary>
/// A source whose discovery finds scopes in batches (an account's regions once its role is assumed and its
/// regions listed). The scanner collects each batch as soon as it is handed over, instead of waiting for the
/// slowest account: discovery's calls (and its throttling backoffs) then overlap the collection.
/// </summary>
public interface IStreamingDiscovery
{
    /// <summary>
    /// Discovers as <see cref="IInventorySource.DiscoverAsync"/> does, handing every scope to
    /// <paramref name="found"/> once, as soon as it is known. Returns the complete discovery.
    /// </summary>
    Task<ScopeDiscovery> DiscoverAsync(Func<IReadOnlyList<Scope>, CancellationToken, ValueTask> found, CancellationToken cancellationToken);
}
