using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using PostureScan.Storage.Migrations;

namespace PostureScan.Storage;

/// <summary>
/// The run store in a local SQLite file (WAL mode): readers never wait for a writer. A run is written in
/// one transaction: a crash, kill or error mid-save leaves the store exactly as it was before.
/// </summary>
public sealed class SqliteRunStore : RunStore
{
    private const int BusyTimeoutSeconds = 30;

    private readonly string connectionString;
    private bool disposed;

    private SqliteRunStore(string path, string connectionString)
    {
        Path = path;
        this.connectionString = connectionString;
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens the database file, creating it (and its folder) if needed, switches it to WAL and applies any
    /// pending migrations. Refuses (<see cref="StoreRefusedException"/>), leaving the file as it was, a file that holds
    /// tables but no PostureScan history, or one written by a newer or different build.
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
        var store = new SqliteRunStore(fullPath, builder.ToString()) { Clock = time };
        try
        {
            await using var connection = await store.OpenConnectionAsync(cancellationToken);

            // Before WAL, which rewrites the file's header: another application's database is refused untouched.
            await MigrationRunner.RefuseForeignAsync(connection, SchemaCatalog.Sqlite, cancellationToken);

            // WAL is a property of the file, set once: readers keep their snapshot while a run is being written.
            var mode = await connection.ExecuteScalarAsync<string>(
                new CommandDefinition("PRAGMA journal_mode = WAL", cancellationToken: cancellationToken));
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite refused WAL mode for {fullPath} (journal mode is '{mode}').");
            }

            // BEGIN IMMEDIATE takes the file's write lock, so two processes opening a new file migrate it once.
            await MigrationRunner.ApplyAsync(connection, EmbeddedMigrations.Load(EmbeddedMigrations.Sqlite), time, cancellationToken);
            return store;
        }
        catch
        {
            // A file that is not a database, or a damaged one: its pooled connection must not hold it open.
            await store.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public override string Location => Path;

    /// <summary>The result of <c>PRAGMA integrity_check</c>: "ok" for a sound file, otherwise the problems found.</summary>
    public async Task<string> IntegrityCheckAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var lines = await connection.QueryAsync<string>(
            new CommandDefinition("PRAGMA integrity_check", cancellationToken: cancellationToken));
        return string.Join('\n', lines);
    }

    /// <summary>Closes the pooled connections, so the file is released.</summary>
    public override ValueTask DisposeAsync()
    {
        if (!disposed)
        {
            disposed = true;
            using var connection = new SqliteConnection(connectionString);
            SqliteConnection.ClearPool(connection);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    internal override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
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

    /// <summary>BEGIN DEFERRED: a WAL reader's snapshot starts at its first query and holds no lock.</summary>
    private protected override Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    /// <summary>BEGIN IMMEDIATE: take the write lock up front, so the duplicate-id check and the inserts are one step.</summary>
    private protected override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
}
