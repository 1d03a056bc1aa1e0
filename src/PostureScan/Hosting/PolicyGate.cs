using PostureScan.Core.Checks;
using PostureScan.Core.Findings;
using PostureScan.Core.Policy;
using PostureScan.Core.Scanning;

namespace PostureScan.Hosting;

/// <summary>
/// Evaluates a run against the policy, with the findings of the previous evaluated run from the store,
/// so statuses (new, open, resolved) carry across runs.
/// </summary>
internal sealed class PolicyGate(MirrorPolicy policy, CheckRegistry registry, TimeProvider time)
{
    public static PolicyGate Load(string path, TimeProvider time)
    {
        var registry = CheckRegistry.CreateDefault();
        return new PolicyGate(PolicyFiles.Load(path, registry), registry, time);
    }

    /// <summary>The candidate sources the coverage rules need, listed through the sources that scanned the run; null without coverage rules.</summary>
    public Task<CandidateListing?> ListCandidatesAsync(IReadOnlyList<IInventorySource> sources, ScanRun run, CancellationToken cancellationToken) =>
        CandidateStage.ListAsync(policy, sources, run, cancellationToken);

    /// <param name="audit">The attribution evidence, or null when no audit source is configured (its checks are then not evaluated).</param>
    /// <param name="candidates">The listed candidate sources, or null when none were listed (coverage is then not evaluated).</param>
    public async Task<PolicyEvaluation> EvaluateAsync(
        ScanRun run, IRunStore store, AuditEvidence? audit, CandidateListing? candidates, CancellationToken cancellationToken)
    {
        var previous = await store.GetLatestEvaluationAsync(cancellationToken);
        var input = new EvaluationInput(run, audit, candidates?.Sources, candidates?.Scopes);
        return new PolicyEvaluator(registry).Evaluate(input, policy, previous?.Findings ?? [], time);
    }
}
