using PostureScan.Core.Inventory;

namespace PostureScan.Core.Scanning;

/// <summary>One scan: every scope attempted, and every session found in the scopes that succeeded.</summary>
public sealed record ScanRun(
    string Id,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyList<string> Providers,
    IReadOnlyList<ScopeResult> Scopes,
    IReadOnlyList<MirrorSession> Sessions)
{
    public bool IsPartial => Scopes.Any(s => s.Status == ScopeStatus.Failed);

    public int ApiCalls => Scopes.Sum(s => s.ApiCalls);

    /// <summary>A sortable, readable id: the start time in UTC plus a random suffix.</summary>
    public static string NewId(DateTimeOffset startedAt) =>
        $"{startedAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";
}
