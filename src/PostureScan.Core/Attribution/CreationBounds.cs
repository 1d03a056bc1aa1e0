using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;

namespace PostureScan.Core.Attribution;

/// <summary>
/// Lower bounds on sessions' creation times from the previous run: a session that an earlier successful
/// scan of its scope did not see was created after that scan started. (Only sessions: the inventory lists
/// targets and filters through the sessions that use them, so an unused part may well be older.)
/// </summary>
public static class CreationBounds
{
    public static IReadOnlyDictionary<string, DateTimeOffset> From(ScanRun? previous, ScanRun current)
    {
        var bounds = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
        if (previous is null || previous.Id == current.Id)
        {
            return bounds;
        }

        var scanned = previous.Scopes.Where(s => s.Status == ScopeStatus.Ok).Select(s => s.Scope).ToHashSet();
        var seen = previous.Sessions.Select(s => s.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var session in current.Sessions.Where(s => scanned.Contains(s.Scope) && !seen.Contains(s.Id)))
        {
            bounds[session.Id] = previous.StartedAt;
        }

        return bounds;
    }
}
