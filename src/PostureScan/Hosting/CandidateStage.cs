using PostureScan.Core.Policy;
using PostureScan.Core.Scanning;

namespace PostureScan.Hosting;

/// <summary>
/// Lists the candidate sources that the policy's coverage rules select from, in the scopes whose
/// inventory succeeded and that some rule asks about. Without coverage rules it makes no call at all.
/// A provider whose collector cannot list candidates has those scopes reported as failed, so its coverage
/// reads as "cannot tell", never as covered.
/// </summary>
internal static class CandidateStage
{
    public static async Task<CandidateListing?> ListAsync(
        MirrorPolicy policy, IReadOnlyList<IInventorySource> sources, ScanRun run, CancellationToken cancellationToken)
    {
        if (policy.Coverage.Count == 0)
        {
            return null;
        }

        var found = new List<Core.Findings.CandidateSource>();
        var scopes = new List<ScopeResult>();
        foreach (var source in sources)
        {
            var queries = run.Scopes
                .Where(r => r.Status == ScopeStatus.Ok && r.Scope.Provider == source.Provider)
                .Select(r => new CandidateQuery(r.Scope, [.. policy.Coverage.Where(c => c.SelectsScope(r.Scope)).Select(c => c.Tags)]))
                .Where(q => q.TagSelectors.Count > 0)
                .ToList();
            if (queries.Count == 0)
            {
                continue;
            }

            if (source is not ICandidateLister lister)
            {
                scopes.AddRange(queries.Select(q => ScopeResult.Failed(
                    q.Scope, ScopeErrorKind.Other, $"the {source.Provider} collector cannot list candidate sources", 0, TimeSpan.Zero)));
                continue;
            }

            var listing = await lister.ListCandidatesAsync(queries, cancellationToken);
            found.AddRange(listing.Sources);
            scopes.AddRange(listing.Scopes);
        }

        return new CandidateListing(found, scopes);
    }
}
