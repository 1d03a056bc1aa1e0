using PostureScan.Core.Inventory;

namespace PostureScan.Core.Scanning;

/// <summary>
/// The scopes a source will collect, and the scopes it already knows have failed (an account whose
/// role cannot be assumed, a subscription that cannot be listed).
/// </summary>
public sealed record ScopeDiscovery(IReadOnlyList<Scope> Scopes, IReadOnlyList<ScopeResult> Failures);
