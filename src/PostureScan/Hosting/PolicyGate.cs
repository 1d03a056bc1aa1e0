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

    /// <param name="audit">The attribution evidence, or null when no audit source is configured (its checks are then not evaluated).</param>
    public async Task<PolicyEvaluation> EvaluateAsync(ScanRun run, IRunStore store, AuditEvidence? audit, CancellationToken cancellationToken)
    {
        var previous = await store.GetLatestEvaluationAsync(cancellationToken);
        // Candidate sources join the input when their collector exists; until then the checks that need
        // them are listed as not evaluated.
        return new PolicyEvaluator(registry).Evaluate(new EvaluationInput(run, audit), policy, previous?.Findings ?? [], time);
    }
}
