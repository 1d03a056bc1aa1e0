using PostureScan.Core.Findings;

namespace PostureScan.Core.Scanning;

/// <summary>Where scan runs are kept. A run is saved whole or not at all, with its findings if it was evaluated.</summary>
public interface IRunStore
{
    /// <summary>Saves a run that was not evaluated against a policy.</summary>
    Task SaveRunAsync(ScanRun run, CancellationToken cancellationToken) => SaveRunAsync(run, null, cancellationToken);

    /// <summary>
    /// Saves a run and, when given, its policy evaluation (findings and unevaluated checks) in the same
    /// transaction: a run is never stored without the findings computed for it.
    /// </summary>
    Task SaveRunAsync(ScanRun run, PolicyEvaluation? evaluation, CancellationToken cancellationToken);

    Task<ScanRun?> GetRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>The most recently started run, or null for an empty store.</summary>
    Task<ScanRun?> GetLatestRunAsync(CancellationToken cancellationToken);

    /// <summary>Every run, newest first, without its sessions.</summary>
    Task<IReadOnlyList<RunSummary>> ListRunsAsync(CancellationToken cancellationToken);

    /// <summary>The evaluation stored with a run, or null when the run was not evaluated (or does not exist).</summary>
    Task<PolicyEvaluation?> GetEvaluationAsync(string runId, CancellationToken cancellationToken);

    /// <summary>
    /// The evaluation of the most recently started run that was evaluated: the "previous findings" of the
    /// next evaluation, so a scan without a policy in between does not reset statuses.
    /// </summary>
    Task<PolicyEvaluation?> GetLatestEvaluationAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The finish times of the latest run and of the latest run without a failed scope, and the active findings
    /// of the latest evaluated run by severity, from one snapshot: a few rows, however many runs are stored.
    /// </summary>
    Task<LatestRuns> GetLatestRunsAsync(CancellationToken cancellationToken);
}
