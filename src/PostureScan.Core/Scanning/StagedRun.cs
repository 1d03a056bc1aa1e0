using PostureScan.Core.Inventory;

namespace PostureScan.Core.Scanning;

/// <summary>
/// An open staged run: its plan's scopes still pending, the inventories staged so far, and whether its discovery
/// was still adding scopes to the plan.
/// </summary>
public sealed record StagedRun(
    string RunId,
    DateTimeOffset StartedAt,
    IReadOnlyList<string> Providers,
    IReadOnlyList<Scope> Pending,
    IReadOnlyList<ScopeInventory> Staged,
    bool Planning = false)
{
    /// <summary>Why a provider of a run closed before its discovery ended is stored as failed.</summary>
    public const string UndiscoveredReason = "not discovered: the run was closed before the discovery of its scopes finished";

    /// <summary>
    /// The run to commit. A scope still pending (the run was closed before its job staged it) becomes a
    /// failed result, so drift treats it as unknown rather than as "every mirror there removed". A run closed
    /// while still planning may lack scopes its discovery had not reached: each provider then also gets a failed
    /// provider-wide result, which covers every scope of the provider, so nothing missing from the plan reads as
    /// removed either.
    /// </summary>
    public ScanRun ToRun(DateTimeOffset finishedAt, string pendingReason)
    {
        var undiscovered = Planning
            ? Providers.Select(p => ScopeResult.Failed(new Scope(p, "*", "*"), ScopeErrorKind.Cancelled, UndiscoveredReason, 0, TimeSpan.Zero))
            : [];
        var results = Staged.Select(s => s.Result)
            .Concat(Pending.Select(scope => ScopeResult.Failed(scope, ScopeErrorKind.Cancelled, pendingReason, 0, TimeSpan.Zero)))
            .Concat(undiscovered);
        return new ScanRun(
            RunId,
            StartedAt,
            finishedAt,
            Providers,
            [.. results.OrderBy(r => r.Scope.Key, StringComparer.Ordinal)],
            [.. Staged.SelectMany(s => s.Sessions).OrderBy(s => s.Scope.Key, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal)]);
    }
}
