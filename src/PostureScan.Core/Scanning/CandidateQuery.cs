using PostureScan.Core.Inventory;

namespace PostureScan.Core.Scanning;

/// <summary>
/// One scope to list candidate sources in, with the tag selectors of the coverage rules that apply to it
/// (every pair must match; "*" matches any value). A lister may narrow its calls by them server-side,
/// or list everything: the coverage check applies the selectors again.
/// </summary>
public sealed record CandidateQuery(Scope Scope, IReadOnlyList<IReadOnlyDictionary<string, string>> TagSelectors)
{
    /// <summary>True when some rule selects every source of the scope, whatever its tags.</summary>
    public bool SelectsAll => TagSelectors.Any(s => s.Count == 0);
}
