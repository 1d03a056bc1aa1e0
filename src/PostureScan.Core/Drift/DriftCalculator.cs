using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;

namespace PostureScan.Core.Drift;

/// <summary>
/// Compares two runs mirror by mirror, only over the scopes that succeeded in both. A scope that failed
/// in either run (or a provider-wide failure covering it), or that only one run scanned, is listed as not
/// comparable instead: its mirrors are neither added nor removed.
/// </summary>
public static class DriftCalculator
{
    /// <param name="fromAttributions">Attributions known for the earlier run, or null when none were computed.</param>
    /// <param name="toAttributions">Attributions known for the later run, or null when none were computed.</param>
    public static RunDrift Compare(
        ScanRun from,
        ScanRun to,
        IReadOnlyList<Attribution.Attribution>? fromAttributions = null,
        IReadOnlyList<Attribution.Attribution>? toAttributions = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);

        var compared = new List<Scope>();
        var uncomparable = new List<UncomparableScope>();
        var keys = from.Scopes.Concat(to.Scopes).Select(r => r.Scope).Where(s => !IsWildcard(s))
            .DistinctBy(s => s.Key, StringComparer.Ordinal)
            .OrderBy(s => s.Key, StringComparer.Ordinal);
        foreach (var scope in keys)
        {
            var reasons = new[] { Problem(from, scope), Problem(to, scope) }.OfType<string>().ToList();
            if (reasons.Count == 0)
            {
                compared.Add(scope);
            }
            else
            {
                uncomparable.Add(new UncomparableScope(scope, string.Join("; ", reasons)));
            }
        }

        // A provider-wide failure names no region: list it too, so the reader sees why its scopes are missing.
        foreach (var (run, result) in new[] { from, to }.SelectMany(r => r.Scopes.Where(s => IsWildcard(s.Scope)).Select(s => (r, s))))
        {
            uncomparable.Add(new UncomparableScope(result.Scope, $"failed in run {run.Id}: {Error(result)}"));
        }

        var comparedKeys = compared.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var before = Index(from, comparedKeys);
        var after = Index(to, comparedKeys);
        var attributionsBefore = ByResource(fromAttributions);
        var attributionsAfter = ByResource(toAttributions);
        var changes = new List<DriftChange>();
        foreach (var key in before.Keys.Union(after.Keys).Order(SessionKeyComparer.Instance))
        {
            var old = before.GetValueOrDefault(key);
            var now = after.GetValueOrDefault(key);
            if (old is null)
            {
                changes.Add(new DriftChange(DriftKind.Added, now!.Id, now.Scope, null, DriftText.Destination(now)));
            }
            else if (now is null)
            {
                changes.Add(new DriftChange(DriftKind.Removed, old.Id, old.Scope, DriftText.Destination(old), null));
            }
            else
            {
                changes.AddRange(Differences(old, now, attributionsBefore, attributionsAfter));
            }
        }

        return new RunDrift(from.Id, to.Id, compared, changes, uncomparable);
    }

    private static IEnumerable<DriftChange> Differences(
        MirrorSession old,
        MirrorSession now,
        Dictionary<string, Attribution.Attribution>? attributionsBefore,
        Dictionary<string, Attribution.Attribution>? attributionsAfter)
    {
        var destinationBefore = DriftText.Destination(old);
        var destinationAfter = DriftText.Destination(now);
        if (destinationBefore != destinationAfter)
        {
            yield return new DriftChange(DriftKind.Retargeted, now.Id, now.Scope, destinationBefore, destinationAfter);
        }

        if (DriftText.Filter(old) != DriftText.Filter(now))
        {
            yield return new DriftChange(DriftKind.Refiltered, now.Id, now.Scope, DriftText.FilterShown(old), DriftText.FilterShown(now));
        }

        if (old.Enabled != now.Enabled)
        {
            yield return new DriftChange(now.Enabled ? DriftKind.Enabled : DriftKind.Disabled, now.Id, now.Scope, OnOff(old.Enabled), OnOff(now.Enabled));
        }

        // Only when both runs have an attribution for the mirror: a run without one says nothing new.
        if (attributionsBefore?.GetValueOrDefault(old.Id) is not { } a || attributionsAfter?.GetValueOrDefault(now.Id) is not { } b)
        {
            yield break;
        }

        var storyBefore = DriftText.Story(a);
        var storyAfter = DriftText.Story(b);
        if (storyBefore != storyAfter)
        {
            yield return new DriftChange(DriftKind.Reattributed, now.Id, now.Scope, storyBefore, storyAfter);
        }

        // A refused call is no change of who did what: it is an attempt, told apart.
        var refusedBefore = DriftText.Refused(a);
        var refusedAfter = DriftText.Refused(b);
        if (refusedBefore != refusedAfter)
        {
            yield return new DriftChange(DriftKind.Attempted, now.Id, now.Scope, refusedBefore, refusedAfter);
        }
    }

    /// <summary>Why a scope's inventory in this run cannot be compared, or null when it can.</summary>
    private static string? Problem(ScanRun run, Scope scope)
    {
        var results = run.Scopes.Where(r => Covers(r.Scope, scope)).ToList();
        if (results.FirstOrDefault(r => r.Status == ScopeStatus.Failed) is { } failed)
        {
            return $"failed in run {run.Id}: {Error(failed)}";
        }

        return results.Count == 0 ? $"not scanned in run {run.Id}" : null;
    }

    private static string Error(ScopeResult result) => result.Error ?? result.ErrorKind?.ToString() ?? "unknown error";

    private static Dictionary<SessionKey, MirrorSession> Index(ScanRun run, HashSet<string> scopes)
    {
        var index = new Dictionary<SessionKey, MirrorSession>();
        foreach (var session in run.Sessions.Where(s => scopes.Contains(s.Scope.Key)))
        {
            index.TryAdd(new SessionKey(session.Scope.Key, session.Id.ToUpperInvariant()), session);
        }

        return index;
    }

    private static Dictionary<string, Attribution.Attribution>? ByResource(IReadOnlyList<Attribution.Attribution>? attributions)
    {
        if (attributions is null)
        {
            return null;
        }

        // Azure ids come in any case; the first attribution of a resource wins, as in the checks.
        var index = new Dictionary<string, Attribution.Attribution>(StringComparer.OrdinalIgnoreCase);
        foreach (var attribution in attributions)
        {
            index.TryAdd(attribution.ResourceId, attribution);
        }

        return index;
    }

    private static string OnOff(bool enabled) => enabled ? "enabled" : "disabled";

    private static bool IsWildcard(Scope scope) => scope.Account == "*" || scope.Region == "*";

    private static bool Covers(Scope result, Scope scope) =>
        string.Equals(result.Provider, scope.Provider, StringComparison.Ordinal)
        && (result.Account == "*" || string.Equals(result.Account, scope.Account, StringComparison.OrdinalIgnoreCase))
        && (result.Region == "*" || string.Equals(result.Region, scope.Region, StringComparison.Ordinal));

    /// <summary>A mirror's identity across runs: its scope and its id, case-folded (Azure ids vary in case).</summary>
    private readonly record struct SessionKey(string Scope, string Id);

    private sealed class SessionKeyComparer : IComparer<SessionKey>
    {
        public static readonly SessionKeyComparer Instance = new();

        public int Compare(SessionKey x, SessionKey y)
        {
            var byScope = string.CompareOrdinal(x.Scope, y.Scope);
            return byScope != 0 ? byScope : string.CompareOrdinal(x.Id, y.Id);
        }
    }
}
