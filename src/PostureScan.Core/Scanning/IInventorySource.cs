using PostureScan.Core.Inventory;

namespace PostureScan.Core.Scanning;

/// <summary>
/// One provider's mirror inventory. Implementations make read-only cloud calls and convert the
/// answers into <see cref="MirrorSession"/> records at the boundary.
/// </summary>
public interface IInventorySource
{
    /// <summary>The provider name, one of <see cref="Providers"/>.</summary>
    string Provider { get; }

    /// <summary>Works out the scopes to collect (configured, or enumerated from the provider).</summary>
    Task<ScopeDiscovery> DiscoverAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Collects one scope. Cloud errors become a failed <see cref="ScopeResult"/>, never an exception,
    /// so one scope cannot lose the others; only cancellation is thrown.
    /// </summary>
    Task<ScopeInventory> CollectAsync(Scope scope, CancellationToken cancellationToken);
}
