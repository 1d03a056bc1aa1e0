using PostureScan.Core.Inventory;

namespace PostureScan.Core.Scanning;

/// <summary>An open staged run: its plan's scopes still pending, and the inventories staged so far.</summary>
public sealed record StagedRun(
    string RunId,
    DateTimeOffset StartedAt,
    IReadOnlyList<string> Providers,
    IReadOnlyList<Scope> Pending,
    IReadOnlyList<ScopeInventory> Staged)
{
    /// <summary>
    /// The run to commit. A scope still pending (the run was closed before its job staged it) becomes a
    /// failed result, so drift treats it as unknown rather than as "every mirror there removed".
    /// </summary>
    public ScanRun ToRun(DateTimeOffset finishedAt, string pendingReason)
    {
        var results = Staged.Select(s => s.Result)
            .Concat(Pending.Select(scope => ScopeResult.Failed(scope, ScopeErrorKind.Cancelled, pendingReason, 0, TimeSpan.Zero)));
        return new ScanRun(
            RunId,
            StartedAt,
            finishedAt,
            Providers,
            [.. results.OrderBy(r => r.Scope.Key, StringComparer.Ordinal)],
            [.. Staged.SelectMany(s => s.Sessions).OrderBy(s => s.Scope.Key, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal)]);
    }
}
