using PostureScan.Core.Audit;
using PostureScan.Core.Inventory;

namespace PostureScan.Core.Attribution;

/// <summary>The audit coverage of a scope: the window read (over every source covering it) or why it failed.</summary>
internal sealed class CoverageLookup(IReadOnlyList<AuditCoverage> coverage)
{
    /// <summary>Why nothing can be said about the scope's events, or null when its sources were read.</summary>
    public string? Failure(Scope scope)
    {
        var covering = coverage.Where(c => c.Covers(scope)).ToList();
        if (covering.Count == 0)
        {
            return $"no audit source covers {scope.Key}";
        }

        return covering.FirstOrDefault(c => c.Failure is not null) is { } failed
            ? $"audit source {failed.Source} failed for {failed.Scope.Key}: {failed.Failure!.Message}"
            : covering.All(c => c.Window is null) ? $"audit source {covering[0].Source} read nothing for {scope.Key}" : null;
    }

    public AuditWindow? Window(Scope scope) =>
        coverage.Where(c => c.Covers(scope) && c.Failure is null).Aggregate((AuditWindow?)null, (w, c) => AuditWindow.Union(w, c.Window));
}
