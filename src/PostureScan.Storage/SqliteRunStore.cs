using Dapper;
using Microsoft.Data.Sqlite;
using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Ingestion;
using PostureScan.Core.Findings;
using PostureScan.Core.Scanning;
using PostureScan.Storage.Migrations;

namespace PostureScan.Storage;

/// <summary>
/// The run store in a local SQLite file (WAL mode). Each operation takes its own pooled connection, so
/// one store serves concurrent callers, and readers never wait for a writer. A run is written in one
/// transaction: a crash, kill or error mid-save leaves the store exactly as it was before.
/// </summary>
public sealed partial class SqliteRunStore : IRunStore, IAuditStore, IRunStaging, IAuditIngestionStore, IAsyncDisposable
{
    private const int BusyTimeoutSeconds = 30;

    private readonly string connectionString;
    private readonly TimeProvider time;
    private bool disposed;

    private SqliteRunStore(string path, string connectionString, TimeProvider time)
    {
        Path = path;
        this.connectionString = connectionString;
        this.time = time;
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens the database file, creating it (and its folder) if needed, switches it to WAL and applies any
    /// pending migrations. Fails if the file was written by a newer build or a landed migration changed.
    /// </summary>
    public static async Task<SqliteRunStore> OpenAsync(string path, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(time);

        var fullPath = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(fullPath) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            DefaultTimeout = BusyTimeoutSeconds,
            Pooling = true,
        };
        var store = new SqliteRunStore(fullPath, builder.ToString(), time);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);

        // WAL is a property of the file, set once: readers keep their snapshot while a run is being written.
        var mode = await connection.ExecuteScalarAsync<string>(
            new CommandDefinition("PRAGMA journal_mode = WAL", cancellationToken: cancellationToken));
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused WAL mode for {fullPath} (journal mode is '{mode}').");
        }

        await MigrationRunner.ApplyAsync(connection, EmbeddedMigrations.Load(EmbeddedMigrations.Sqlite), time, cancellationToken);
        return store;
    }

    /// <inheritdoc />
    public Task SaveRunAsync(ScanRun run, CancellationToken cancellationToken) => SaveRunAsync(run, null, cancellationToken);

    /// <inheritdoc />
    public Task SaveRunAsync(ScanRun run, PolicyEvaluation? evaluation, CancellationToken cancellationToken) =>
        SaveRunAsync(run, evaluation, null, cancellationToken);

    /// <inheritdoc />
    public async Task SaveRunAsync(ScanRun run, PolicyEvaluation? evaluation, AuditRunRecord? audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var connection = await OpenConnectionAsync(cancellationToken);

        // BEGIN IMMEDIATE: take the write lock up front, so the duplicate-id check and the inserts are one step.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await WriteRunAsync(connection, transaction, run, evaluation, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task WriteRunAsync(
        SqliteConnection connection, SqliteTransaction transaction, ScanRun run, PolicyEvaluation? evaluation, AuditRunRecord? audit, CancellationToken cancellationToken)
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

    /// <inheritdoc />
    public async Task<ScanRun?> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await RunReader.ReadAsync(connection, transaction, runId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ScanRun?> GetLatestRunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await RunReader.LatestIdAsync(connection, transaction, cancellationToken) is { } id
            ? await RunReader.ReadAsync(connection, transaction, id, cancellationToken)
            : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RunSummary>> ListRunsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await RunReader.ListAsync(connection, transaction, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<PolicyEvaluation?> GetEvaluationAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await EvaluationStore.ReadAsync(connection, transaction, runId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<PolicyEvaluation?> GetLatestEvaluationAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await EvaluationStore.LatestIdAsync(connection, transaction, cancellationToken) is { } id
            ? await EvaluationStore.ReadAsync(connection, transaction, id, cancellationToken)
            : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditCheckpoint>> GetCheckpointsAsync(string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await AuditReader.CheckpointsAsync(connection, transaction, source, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEvent>> GetAuditEventsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await AuditReader.EventsAsync(connection, transaction, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditCoverageWindow>> GetCoverageAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await AuditReader.CoverageAsync(connection, transaction, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<StoredAuditRun?> GetAuditRunAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await AuditReader.RunAsync(connection, transaction, runId, cancellationToken);
    }

    /// <summary>The result of <c>PRAGMA integrity_check</c>: "ok" for a sound file, otherwise the problems found.</summary>
    public async Task<string> IntegrityCheckAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var lines = await connection.QueryAsync<string>(
            new CommandDefinition("PRAGMA integrity_check", cancellationToken: cancellationToken));
        return string.Join('\n', lines);
    }

    /// <summary>Closes the pooled connections, so the file is released.</summary>
    public ValueTask DisposeAsync()
    {
        if (!disposed)
        {
            disposed = true;
            using var connection = new SqliteConnection(connectionString);
            SqliteConnection.ClearPool(connection);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>An open connection with this store's per-connection settings.</summary>
    internal async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Wait inside SQLite for another writer rather than failing with SQLITE_BUSY; FULL sync makes
            // a committed run survive power loss, not only a killed process.
            await connection.ExecuteAsync(new CommandDefinition(
                $"PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000}; PRAGMA synchronous = FULL;",
                cancellationToken: cancellationToken));
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
