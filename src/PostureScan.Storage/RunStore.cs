using System.Data.Common;
using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Ingestion;
using PostureScan.Core.Findings;
using PostureScan.Core.Scanning;

namespace PostureScan.Storage;

/// <summary>
/// The run store over any of its databases: the Dapper SQL and the row mappings are shared, and a dialect
/// says only how to connect and how to begin a read (one snapshot) or a write (all or nothing). Each
/// operation takes its own pooled connection, so one store serves concurrent callers. Open one with
/// <see cref="SqliteRunStore.OpenAsync"/> or <see cref="PostgresRunStore.OpenAsync"/>.
/// </summary>
public abstract partial class RunStore : IRunStore, IAuditStore, IAsyncDisposable
{
    private protected RunStore()
    {
    }

    /// <summary>Where the store is, for messages: a file path, or a PostgreSQL host and database (never a password).</summary>
    public abstract string Location { get; }

    /// <inheritdoc />
    public Task SaveRunAsync(ScanRun run, CancellationToken cancellationToken) => SaveRunAsync(run, null, cancellationToken);

    /// <inheritdoc />
    public Task SaveRunAsync(ScanRun run, PolicyEvaluation? evaluation, CancellationToken cancellationToken) =>
        SaveRunAsync(run, evaluation, null, cancellationToken);

    /// <inheritdoc />
    public async Task SaveRunAsync(ScanRun run, PolicyEvaluation? evaluation, AuditRunRecord? audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (evaluation is not null && !string.Equals(evaluation.RunId, run.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The evaluation is of run {evaluation.RunId}, not of run {run.Id}.", nameof(evaluation));
        }

        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await RunWriter.InsertAsync(connection, transaction, run, cancellationToken);
        if (evaluation is not null)
        {
            await EvaluationStore.InsertAsync(connection, transaction, evaluation, cancellationToken);
        }

        if (audit is not null)
        {
            await AuditWriter.InsertAsync(connection, transaction, run.Id, audit, cancellationToken);
        }

        await QueueDeliveriesAsync(connection, transaction, run, evaluation, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<ScanRun?> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return ReadAsync((c, t, ct) => RunReader.ReadAsync(c, t, runId, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ScanRun?> GetLatestRunAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            async (c, t, ct) => await RunReader.LatestIdAsync(c, t, ct) is { } id ? await RunReader.ReadAsync(c, t, id, ct) : null,
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<RunSummary>> ListRunsAsync(CancellationToken cancellationToken) =>
        ReadAsync(RunReader.ListAsync, cancellationToken);

    /// <inheritdoc />
    public Task<PolicyEvaluation?> GetEvaluationAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return ReadAsync((c, t, ct) => EvaluationStore.ReadAsync(c, t, runId, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<PolicyEvaluation?> GetLatestEvaluationAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            async (c, t, ct) => await EvaluationStore.LatestIdAsync(c, t, ct) is { } id ? await EvaluationStore.ReadAsync(c, t, id, ct) : null,
            cancellationToken);

    /// <inheritdoc />
    public Task<LatestRuns> GetLatestRunsAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            async (c, t, ct) =>
            {
                var (lastRun, lastComplete) = await RunReader.LatestFinishesAsync(c, t, ct);
                return new LatestRuns(lastRun, lastComplete, await EvaluationStore.LatestActiveBySeverityAsync(c, t, ct));
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditCheckpoint>> GetCheckpointsAsync(string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReadAsync((c, t, ct) => AuditReader.CheckpointsAsync(c, t, source, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEvent>> GetAuditEventsAsync(CancellationToken cancellationToken) =>
        ReadAsync(AuditReader.EventsAsync, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditCoverageWindow>> GetCoverageAsync(CancellationToken cancellationToken) =>
        ReadAsync(AuditReader.CoverageAsync, cancellationToken);

    /// <inheritdoc />
    public Task<StoredAuditRun?> GetAuditRunAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return ReadAsync((c, t, ct) => AuditReader.RunAsync(c, t, runId, ct), cancellationToken);
    }

    /// <summary>Releases the store's pooled connections.</summary>
    public abstract ValueTask DisposeAsync();

    /// <summary>An open connection with this store's per-connection settings.</summary>
    internal abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>A transaction whose queries all see one snapshot, so a read never sees part of a run being written.</summary>
    private protected abstract Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A transaction that commits a run whole or leaves the database as it was.</summary>
    private protected abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    private async Task<T> ReadAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginReadAsync(connection, cancellationToken);
        return await read(connection, transaction, cancellationToken);
    }
}
