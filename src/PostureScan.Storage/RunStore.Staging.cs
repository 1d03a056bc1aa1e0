using PostureScan.Core.Audit.Ingestion;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.Storage.Staging;

namespace PostureScan.Storage;

/// <summary>
/// Staged runs and audit ingestion between scans (a part of its own because it is a contract of its own:
/// scheduled scope jobs stage here, whichever dialect the store speaks).
/// </summary>
public abstract partial class RunStore : IRunStaging, IAuditIngestionStore
{
    /// <summary>The clock of staging times; the dialects set it from the time provider they were opened with.</summary>
    private protected TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <inheritdoc />
    public async Task BeginStagedRunAsync(StagedRunPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await StagingWriter.BeginAsync(connection, transaction, plan, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<StagingProgress?> AddPlannedScopesAsync(string runId, IReadOnlyList<Scope> scopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(scopes);
        return GrowPlanAsync(runId, scopes, [], end: false, cancellationToken);
    }

    /// <inheritdoc />
    public Task<StagingProgress?> EndPlanningAsync(string runId, IReadOnlyList<ScopeResult> failures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(failures);
        return GrowPlanAsync(runId, [], failures, end: true, cancellationToken);
    }

    private async Task<StagingProgress?> GrowPlanAsync(string runId, IReadOnlyList<Scope> scopes, IReadOnlyList<ScopeResult> failures, bool end, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var progress = await StagingWriter.GrowPlanAsync(connection, transaction, runId, scopes, failures, end, Clock.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return progress;
    }

    /// <inheritdoc />
    public async Task<StagingProgress?> StageScopeAsync(string runId, ScopeInventory inventory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(inventory);
        return (await StageScopesAsync([new ScopeStaging(runId, inventory)], cancellationToken))[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StagingProgress?>> StageScopesAsync(IReadOnlyList<ScopeStaging> scopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        if (scopes.Count == 0)
        {
            return [];
        }

        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);

        var progress = await StagingWriter.StageAsync(connection, transaction, scopes, Clock.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return progress;
    }

    /// <inheritdoc />
    public async Task<StagedRun?> GetStagedRunAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginReadAsync(connection, cancellationToken);
        return await StagingReader.ReadAsync(connection, transaction, runId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StagingProgress>> ListStagedRunsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginReadAsync(connection, cancellationToken);
        return await StagingReader.ListAsync(connection, transaction, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> CommitStagedRunAsync(ScanRun run, PolicyEvaluation? evaluation, AuditRunRecord? audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);

        // Deleting the staging first tells whether this commit is the one: a second committer finds nothing
        // and stores nothing, so the run is stored once however many jobs race to close it.
        if (!await StagingWriter.DeleteAsync(connection, transaction, run.Id, cancellationToken))
        {
            return false;
        }

        await WriteRunAsync(connection, transaction, run, evaluation, audit, cancellationToken);
        await QueueDeliveriesAsync(connection, transaction, run, evaluation, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task AbandonStagedRunAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await StagingWriter.DeleteAsync(connection, transaction, runId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task SaveIngestionAsync(string readId, AuditIngestion ingestion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readId);
        ArgumentNullException.ThrowIfNull(ingestion);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await AuditWriter.InsertReadAsync(connection, transaction, readId, ingestion.NewEvents, ingestion.Checkpoints, ingestion.Sources, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task WriteRunAsync(
        System.Data.Common.DbConnection connection,
        System.Data.Common.DbTransaction transaction,
        ScanRun run,
        PolicyEvaluation? evaluation,
        AuditRunRecord? audit,
        CancellationToken cancellationToken)
    {
        if (evaluation is not null && !string.Equals(evaluation.RunId, run.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The evaluation is of run {evaluation.RunId}, not of run {run.Id}.", nameof(evaluation));
        }

        await RunWriter.InsertAsync(connection, transaction, run, cancellationToken);
        if (evaluation is not null)
        {
            await EvaluationStore.InsertAsync(connection, transaction, evaluation, cancellationToken);
        }

        if (audit is not null)
        {
            await AuditWriter.InsertAsync(connection, transaction, run.Id, audit, cancellationToken);
        }
    }
}
