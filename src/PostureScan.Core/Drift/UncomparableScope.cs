using PostureScan.Core.Inventory;

namespace PostureScan.Core.Drift;

/// <summary>A scope whose mirrors were not compared, and why (it failed, or was scanned in one run only).</summary>
public sealed record UncomparableScope(Scope Scope, string Reason);
