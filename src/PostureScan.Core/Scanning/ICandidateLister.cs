namespace PostureScan.Core.Scanning;

/// <summary>
/// An inventory source that can also list the sources a mirror could copy from (AWS ENIs, Azure NICs,
/// GCP instances), so that coverage rules can ask which of them no mirror sends to its collector. Only
/// called when the policy has coverage rules, and only for scopes whose inventory succeeded.
/// </summary>
public interface ICandidateLister
{
    /// <summary>The provider name, as <see cref="IInventorySource.Provider"/>.</summary>
    string Provider { get; }

    /// <summary>
    /// Lists the candidates of each queried scope. A scope whose listing fails is reported as a failed
    /// <see cref="ScopeResult"/> in the answer, never thrown; only cancellation is thrown.
    /// </summary>
    Task<CandidateListing> ListCandidatesAsync(IReadOnlyList<CandidateQuery> queries, CancellationToken cancellationToken);
}
