using System.Data;
using System.Data.Common;
using Npgsql;
using PostureScan.Storage.Migrations;

namespace PostureScan.Storage;

/// <summary>
/// The run store in a PostgreSQL database, for cluster mode: several serve nodes share it (and Quartz's
/// job store in the same database). Same SQL and mappings as SQLite; reads run in REPEATABLE READ so
/// every query of one read sees one snapshot, and a run is written in one transaction.
/// </summary>
public sealed class PostgresRunStore : RunStore, ISchedulerStatistics
{
    /// <summary>
    /// Serialises schema migration across every process sharing the database; released at commit. The
    /// number is this store's own (the bytes of "PSCANMIG"), so it collides with no other advisory lock.
    /// </summary>
    private const string MigrationLock = "SELECT pg_advisory_xact_lock(5788043893866842439)";

    private readonly NpgsqlDataSource dataSource;

    private PostgresRunStore(NpgsqlDataSource dataSource, string location)
    {
        this.dataSource = dataSource;
        Location = location;
    }

    /// <inheritdoc />
    public override string Location { get; }

    /// <summary>
    /// Connects to the database named by <paramref name="connectionString"/> (Npgsql keywords: Host, Port,
    /// Database, Username, Password...) and applies any pending migrations, the Quartz tables included.
    /// Refuses (<see cref="StoreRefusedException"/>), leaving the database as it was, one that holds tables but no
    /// PostureScan history, or one migrated by a newer or different build.
    /// </summary>
    public static async Task<PostgresRunStore> OpenAsync(string connectionString, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(time);

        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Tuned(connectionString));
        var store = new PostgresRunStore(NpgsqlDataSource.Create(builder), Describe(builder)) { Clock = time };
        try
        {
            await using var connection = await store.OpenConnectionAsync(cancellationToken);

            // Outside the migration lock: a PostureScan database gains its tables and its history in one commit,
            // so no open sees one without the other.
            await MigrationRunner.RefuseForeignAsync(connection, SchemaCatalog.Postgres, cancellationToken);
            await MigrationRunner.ApplyAsync(
                connection, EmbeddedMigrations.Load(EmbeddedMigrations.Postgres), time, cancellationToken, MigrationLock);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>"postgres://host:port/database": enough to say where, with no user name or password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return $"postgres://{builder.Host}:{builder.Port}/{builder.Database}";
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();

    /// <inheritdoc />
    public async Task RefreshSchedulerStatisticsAsync(CancellationToken cancellationToken)
    {
        // The tables the migrations created, so this store's role owns them and may analyze them.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("ANALYZE qrtz_triggers", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    internal override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    private protected override async Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

    private protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
}
