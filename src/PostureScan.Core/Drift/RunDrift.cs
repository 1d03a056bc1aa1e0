using PostureScan.Core.Inventory;

namespace PostureScan.Core.Drift;

/// <summary>
/// What changed from one run to another, over the scopes that succeeded in both
/// (<see cref="ComparedScopes"/>); the others are listed in <see cref="Uncomparable"/>, so that a failed
/// region never reads as "every mirror removed".
/// </summary>
public sealed record RunDrift(
    string FromRunId,
    string ToRunId,
    IReadOnlyList<Scope> ComparedScopes,
    IReadOnlyList<DriftChange> Changes,
    IReadOnlyList<UncomparableScope> Uncomparable)
{
    /// <summary>The number of changes of each kind, every kind present.</summary>
    public IReadOnlyDictionary<DriftKind, int> CountByKind() =>
        Enum.GetValues<DriftKind>().ToDictionary(k => k, k => Changes.Count(c => c.Kind == k));
}
