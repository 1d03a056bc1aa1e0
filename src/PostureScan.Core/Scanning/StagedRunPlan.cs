using PostureScan.Core.Inventory;

namespace PostureScan.Core.Scanning;

/// <summary>
/// What a staged run will collect: the scopes discovered, and the scopes already known to have failed
/// (discovery failures), which are staged as results straight away.
/// </summary>
public sealed record StagedRunPlan(
    string RunId,
    DateTimeOffset StartedAt,
    IReadOnlyList<string> Providers,
    IReadOnlyList<Scope> Scopes,
    IReadOnlyList<ScopeResult> Failures);
