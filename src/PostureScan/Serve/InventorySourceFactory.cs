using PostureScan.Core.Scanning;

namespace PostureScan.Serve;

/// <summary>Builds fresh inventory sources for each scheduled run, so credentials and clients are never older than one run.</summary>
internal sealed class InventorySourceFactory(Func<IReadOnlyList<IInventorySource>> create)
{
    public IReadOnlyList<IInventorySource> Create() => create();
}
