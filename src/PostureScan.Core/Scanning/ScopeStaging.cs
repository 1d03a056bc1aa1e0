namespace PostureScan.Core.Scanning;

/// <summary>One finished scope of a staged run, as handed to <see cref="IRunStaging.StageScopesAsync"/>.</summary>
public sealed record ScopeStaging(string RunId, ScopeInventory Inventory);
