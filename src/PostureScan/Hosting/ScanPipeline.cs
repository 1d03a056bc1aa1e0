using PostureScan.Core.Audit.Ingestion;
using PostureScan.Core.Findings;
using PostureScan.Core.Scanning;
using PostureScan.Storage;

namespace PostureScan.Hosting;

/// <summary>
/// Collect every scope, read the audit sources and attribute the sessions, list the candidate sources the
/// policy's coverage rules need and evaluate the policy if one is given, then commit run, audit events, attributions and findings in one transaction.
/// </summary>
internal sealed class ScanPipeline(
    IReadOnlyList<IInventorySource> sources,
    RunStore store,
    TimeProvider time,
    int maxConcurrency,
    PolicyGate? policy = null,
    AuditStage? audit = null)
{
    /// <summary>The evaluation of the last run, when a policy was given.</summary>
    public PolicyEvaluation? Evaluation { get; private set; }

    /// <summary>The audit side of the last run, when audit sources are configured.</summary>
    public AuditRunRecord? Audit { get; private set; }

    public async Task<ScanRun> RunAsync(IScanProgress? progress, CancellationToken cancellationToken)
    {
        var run = await new Scanner(sources, time, maxConcurrency).RunAsync(progress, cancellationToken);
        Audit = audit is null ? null : await audit.RunAsync(run, store, store, cancellationToken);
        if (policy is not null)
        {
            var candidates = await policy.ListCandidatesAsync(sources, run, cancellationToken);
            Evaluation = await policy.EvaluateAsync(run, store, Audit?.Report.ToEvidence(), candidates, cancellationToken);
        }

        await store.SaveRunAsync(run, Evaluation, Audit, cancellationToken);
        return run;
    }
}
