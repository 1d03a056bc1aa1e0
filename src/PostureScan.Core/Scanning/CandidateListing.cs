using PostureScan.Core.Findings;

namespace PostureScan.Core.Scanning;

/// <summary>The candidate sources found, and the outcome of listing each queried scope (ok or failed, with its calls).</summary>
public sealed record CandidateListing(IReadOnlyList<CandidateSource> Sources, IReadOnlyList<ScopeResult> Scopes)
{
    public static CandidateListing Empty { get; } = new([], []);
}
