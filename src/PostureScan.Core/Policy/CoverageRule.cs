using PostureScan.Core.Inventory;

namespace PostureScan.Core.Policy;

/// <summary>
/// Sources that must be mirrored to the collector named <see cref="Collector"/>: the candidate sources of
/// the listed providers and accounts (empty list = all) whose tags match <see cref="Tags"/>.
/// </summary>
public sealed record CoverageRule(
    string Name,
    string Collector,
    IReadOnlyList<string> Providers,
    IReadOnlyList<string> Accounts,
    IReadOnlyDictionary<string, string> Tags)
{
    public bool Selects(Scope scope, MirroredSource source) =>
        SelectsScope(scope) && (Tags.Count == 0 || TagSelector.Matches(Tags, source.Tags));

    /// <summary>True when the rule asks for sources in this scope (its provider and account), whatever their tags.</summary>
    public bool SelectsScope(Scope scope) =>
        (Providers.Count == 0 || Providers.Contains(scope.Provider, StringComparer.OrdinalIgnoreCase))
        && (Accounts.Count == 0 || Accounts.Contains(scope.Account, StringComparer.OrdinalIgnoreCase));
}
