using PostureScan.Core.Audit.Ingestion;
using PostureScan.Core.Findings;
using PostureScan.Core.Scanning;
using PostureScan.Storage.Staging;

namespace PostureScan.Storage;

/// <summary>
/// Staged runs and audit ingestion between scans (a part of its own because it is a contract of its own:
/// scheduled scope jobs stage here, and the PostgreSQL store implements the same calls over the same SQL).
/// </summary>
public sealed partial class SqliteRunStore
{
    /// <inheritdoc />
    public async Task BeginStagedRunAsync(StagedRunPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await StagingWriter.BeginAsync(connection, transaction, plan, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<StagingProgress?> StageScopeAsync(string runId, ScopeInventory inventory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(inventory);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        if (!await StagingWriter.StageAsync(connection, transaction, runId, inventory, time.GetUtcNow(), cancellationToken))
        {
            return null;
        }

        var progress = await StagingReader.ProgressAsync(connection, transaction, runId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return progress;
    }

    /// <inheritdoc />
    public async Task<StagedRun?> GetStagedRunAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await StagingReader.ReadAsync(connection, transaction, runId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StagingProgress>> ListStagedRunsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await StagingReader.ListAsync(connection, transaction, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> CommitStagedRunAsync(ScanRun run, PolicyEvaluation? evaluation, AuditRunRecord? audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);

        // Deleting the staging first tells whether this commit is the one: a second committer finds nothing
        // and stores nothing, so the run is stored once however many jobs race to close it.
        if (!await StagingWriter.DeleteAsync(connection, transaction, run.Id, cancellationToken))
        {
            return false;
        }

        await WriteRunAsync(connection, transaction, run, evaluation, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task AbandonStagedRunAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await StagingWriter.DeleteAsync(connection, transaction, runId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task SaveIngestionAsync(string readId, AuditIngestion ingestion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readId);
        ArgumentNullException.ThrowIfNull(ingestion);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await AuditWriter.InsertReadAsync(connection, transaction, readId, ingestion.NewEvents, ingestion.Checkpoints, ingestion.Sources, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
