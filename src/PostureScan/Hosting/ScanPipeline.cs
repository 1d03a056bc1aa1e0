using PostureScan.Core.Findings;
using PostureScan.Core.Scanning;

namespace PostureScan.Hosting;

/// <summary>Collect every scope, evaluate the policy if one is given, then commit run and findings in one transaction.</summary>
internal sealed class ScanPipeline(IReadOnlyList<IInventorySource> sources, IRunStore store, TimeProvider time, int maxConcurrency, PolicyGate? policy = null)
{
    /// <summary>The evaluation of the last run, when a policy was given.</summary>
    public PolicyEvaluation? Evaluation { get; private set; }

    public async Task<ScanRun> RunAsync(IScanProgress? progress, CancellationToken cancellationToken)
    {
        var run = await new Scanner(sources, time, maxConcurrency).RunAsync(progress, cancellationToken);
        Evaluation = policy is null ? null : await policy.EvaluateAsync(run, store, cancellationToken);
        await store.SaveRunAsync(run, Evaluation, cancellationToken);
        return run;
    }
}
