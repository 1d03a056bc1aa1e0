using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using PostureScan.Storage.Migrations;
using PostureScan.TestKit;

namespace PostureScan.Storage.Tests.Support;

/// <summary>
/// A temporary folder per test and a store to test: a SQLite file in that folder, or, given a PostgreSQL
/// server, a fresh database on it. The suites that hold for both dialects derive from this and run twice.
/// </summary>
public abstract class StoreTestBase : IDisposable
{
    private readonly PostgresServer? postgres;
    private string? connectionString;

    protected StoreTestBase(PostgresServer? postgres = null)
    {
        this.postgres = postgres;
        DatabasePath = Folder.File("posturescan.db");
    }

    protected TemporaryDirectory Folder { get; } = new();

    protected FakeTimeProvider Time { get; } = new(Some.Time);

    protected string DatabasePath { get; }

    protected static CancellationToken None => CancellationToken.None;

    /// <summary>The migrations folder of the dialect under test.</summary>
    protected string Dialect => postgres is null ? EmbeddedMigrations.Sqlite : EmbeddedMigrations.Postgres;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Folder.Dispose();
        }
    }

    /// <summary>A store on this test's database; opening again reaches the same data.</summary>
    internal async Task<RunStore> OpenAsync() => postgres is null
        ? await SqliteRunStore.OpenAsync(DatabasePath, Time, None)
        : await PostgresRunStore.OpenAsync(await ConnectionStringAsync(), Time, None);

    /// <summary>A plain connection to this test's database, without the store (and its migrations).</summary>
    internal async Task<DbConnection> OpenPlainConnectionAsync()
    {
        DbConnection connection = postgres is null
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString())
            : new NpgsqlConnection(await ConnectionStringAsync());
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Counts rows of a table straight from the database, to prove nothing half-written stays behind.</summary>
    internal static async Task<long> CountAsync(RunStore store, string table)
    {
        await using var connection = await store.OpenConnectionAsync(None);
        // The table name is one of the test's own constants, never input.
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }

    /// <summary>The database is sound: SQLite's integrity check, or no row of PostgreSQL's left without its run.</summary>
    internal static async Task AssertSoundAsync(RunStore store)
    {
        if (store is SqliteRunStore sqlite)
        {
            Assert.Equal("ok", await sqlite.IntegrityCheckAsync(None));
            return;
        }

        await using var connection = await store.OpenConnectionAsync(None);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("""
            SELECT (SELECT COUNT(*) FROM scope_results s WHERE NOT EXISTS (SELECT 1 FROM scan_runs r WHERE r.id = s.run_id))
                 + (SELECT COUNT(*) FROM mirror_sessions m WHERE NOT EXISTS (SELECT 1 FROM scan_runs r WHERE r.id = m.run_id))
            """));
    }

    /// <summary>The database refused a row that breaks a unique index or key.</summary>
    internal static void AssertUniqueViolation(Exception error)
    {
        switch (error)
        {
            case SqliteException sqlite:
                Assert.Equal(19, sqlite.SqliteErrorCode); // SQLITE_CONSTRAINT
                break;
            case PostgresException postgres:
                Assert.Equal(PostgresErrorCodes.UniqueViolation, postgres.SqlState);
                break;
            default:
                Assert.Fail($"Not a database constraint error: {error}");
                break;
        }
    }

    private async Task<string> ConnectionStringAsync() => connectionString ??= await postgres!.CreateDatabaseAsync();
}
