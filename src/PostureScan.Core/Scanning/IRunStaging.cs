using PostureScan.Core.Audit.Ingestion;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;

namespace PostureScan.Core.Scanning;

/// <summary>
/// A run collected piece by piece (one scheduled job per scope, possibly on several nodes) and still
/// committed whole. The plan is stored first; each scope's result is staged as its job finishes (a scope
/// staged again, by a recovered or repeated job, replaces its earlier result); the commit stores the run
/// with its evaluation and audit side and deletes the staging, in one transaction. Until then the run is
/// invisible to <see cref="IRunStore"/> readers. Every operation is its own transaction, so a process
/// killed at any point leaves either the state before the call or the state after it.
/// </summary>
public interface IRunStaging
{
    /// <summary>Stores a new staged run's plan. Throws if a run (staged or committed) with the id exists.</summary>
    Task BeginStagedRunAsync(StagedRunPlan plan, CancellationToken cancellationToken);

    /// <summary>
    /// Adds scopes to the plan of a run begun with <see cref="StagedRunPlan.Planning"/>, as discovery finds them, so
    /// that their jobs can start before discovery ends. Returns the run's progress after it, or null when the run is
    /// no longer open. Throws, and adds none of them, if a scope is already planned or the run's plan has ended.
    /// </summary>
    Task<StagingProgress?> AddPlannedScopesAsync(string runId, IReadOnlyList<Scope> scopes, CancellationToken cancellationToken);

    /// <summary>
    /// Ends the plan of a run begun with <see cref="StagedRunPlan.Planning"/>: stages the scopes that failed
    /// discovery, and from then on the run is complete once every planned scope is staged. Returns the progress
    /// after it (complete when every scope was staged during discovery: the caller then fires the commit, which no
    /// staging did), or null when the run is no longer open.
    /// </summary>
    Task<StagingProgress?> EndPlanningAsync(string runId, IReadOnlyList<ScopeResult> failures, CancellationToken cancellationToken);

    /// <summary>
    /// Stages one planned scope's inventory, replacing an earlier attempt of the same scope. Returns the
    /// run's progress after it, or null when the run is no longer open (committed or abandoned): a late
    /// result is then dropped. Throws if the scope is not part of the plan.
    /// </summary>
    Task<StagingProgress?> StageScopeAsync(string runId, ScopeInventory inventory, CancellationToken cancellationToken);

    /// <summary>
    /// Stages several scopes in one transaction, each as <see cref="StageScopeAsync"/> would: one commit for
    /// the scopes that finished together. Returns, in the order given, each scope's run progress right after
    /// it was staged (so exactly one of them sees its run complete), or null where its run is not open.
    /// Throws, and stages none of them, if any scope is not part of its run's plan.
    /// </summary>
    Task<IReadOnlyList<StagingProgress?>> StageScopesAsync(IReadOnlyList<ScopeStaging> scopes, CancellationToken cancellationToken);

    /// <summary>The staged run (plan, staged scopes and their sessions), or null when it is not open.</summary>
    Task<StagedRun?> GetStagedRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>The progress of every open staged run, oldest first.</summary>
    Task<IReadOnlyList<StagingProgress>> ListStagedRunsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="run"/> (built from the staged run of the same id) with its evaluation and audit
    /// side, and deletes the staging, in one transaction. Returns false, and stores nothing, when the staged
    /// run is no longer open (another job committed it first).
    /// </summary>
    Task<bool> CommitStagedRunAsync(ScanRun run, PolicyEvaluation? evaluation, AuditRunRecord? audit, CancellationToken cancellationToken);

    /// <summary>Deletes a staged run without storing anything of it; nothing happens when it is not open.</summary>
    Task AbandonStagedRunAsync(string runId, CancellationToken cancellationToken);
}
