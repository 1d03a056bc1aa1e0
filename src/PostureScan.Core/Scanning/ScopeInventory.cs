using PostureScan.Core.Inventory;

namespace PostureScan.Core.Scanning;

/// <summary>What one scope yielded. A failed scope has no sessions, and says so in its result.</summary>
public sealed record ScopeInventory(ScopeResult Result, IReadOnlyList<MirrorSession> Sessions)
{
    public static ScopeInventory Failed(ScopeResult result) => new(result, []);
}
