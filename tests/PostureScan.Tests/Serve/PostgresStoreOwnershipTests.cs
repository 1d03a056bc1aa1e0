using Dapper;
using Npgsql;
using PostureScan.Storage;
using PostureScan.TestKit;

namespace PostureScan.Tests.Serve;

/// <summary>
/// A PostgreSQL database that holds another application's tables, or a store migrated by a newer build, is refused
/// with one line naming the database, exit 2, and its schema is left as it was.
/// </summary>
[Collection(PostgresDatabases.Name)]
public sealed class PostgresStoreOwnershipTests(PostgresServer server)
{
    [Fact]
    public async Task Status_on_a_shared_database_with_other_tables_names_it_exits_2_and_creates_nothing()
    {
        using var dir = new TemporaryDirectory();
        var db = await server.CreateDatabaseAsync();
        await using (var connection = new NpgsqlConnection(db))
        {
            await connection.ExecuteAsync("""
                CREATE TABLE invoices (id serial PRIMARY KEY, total numeric NOT NULL);
                CREATE SCHEMA billing;
                CREATE TABLE billing.ledger (id serial PRIMARY KEY);
                INSERT INTO invoices (total) VALUES (12.5);
                """);
        }

        var before = await SchemaAsync(db);

        var (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, "status", "--db", db);

        Assert.True(exit == 2, $"exit {exit}: {stderr}");
        Assert.Equal(
            $"error: {Location(db)}: cannot open the store: it holds tables of something else (billing.ledger, invoices) and no PostureScan history, "
            + "so it was left as it is; use another --db",
            stderr.Trim());
        Assert.Equal(before, await SchemaAsync(db));
    }

    [Fact]
    public async Task Status_on_an_empty_database_sets_it_up()
    {
        using var dir = new TemporaryDirectory();
        var db = await server.CreateDatabaseAsync();

        var (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, "status", "--db", db);

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        Assert.Contains("public.schema_migrations", await SchemaAsync(db));
    }

    [Fact]
    public async Task Status_on_a_database_holding_only_an_extensions_views_sets_it_up()
    {
        // pg_stat_statements, as a DBA adds it to see the costliest statements: its views are the server's, not an application's.
        using var dir = new TemporaryDirectory();
        var db = await server.CreateDatabaseAsync();
        await using (var connection = new NpgsqlConnection(db))
        {
            await connection.ExecuteAsync("CREATE EXTENSION pg_stat_statements");
        }

        Assert.Contains("public.pg_stat_statements.query", await SchemaAsync(db));

        var (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, "status", "--db", db);

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        Assert.Contains("public.schema_migrations", await SchemaAsync(db));
    }

    [Fact]
    public async Task Status_on_a_store_migrated_by_a_newer_build_names_the_unknown_migration_and_exits_2()
    {
        using var dir = new TemporaryDirectory();
        var db = await server.CreateDatabaseAsync();
        await using (var store = await PostgresRunStore.OpenAsync(db, TimeProvider.System, CancellationToken.None))
        {
            await store.SaveRunAsync(Some.Run(), CancellationToken.None);
        }

        await using (var connection = new NpgsqlConnection(db))
        {
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (9, 'future', 'x', '2030-01-01T00:00:00.0000000Z')");
        }

        var (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, "status", "--db", db);

        Assert.True(exit == 2, $"exit {exit}: {stderr}");
        Assert.Equal(
            $"error: {Location(db)}: cannot open the store: it was written by a newer PostureScan (migration 0009 is unknown to this build); use that build or another --db",
            stderr.Trim());
    }

    private static string Location(string db) => PostgresRunStore.Describe(new NpgsqlConnectionStringBuilder(db));

    /// <summary>Every table and column outside PostgreSQL's own schemas, as schema.table.column.</summary>
    private static async Task<List<string>> SchemaAsync(string db)
    {
        await using var connection = new NpgsqlConnection(db);
        var columns = await connection.QueryAsync<string>("""
            SELECT table_schema || '.' || table_name || '.' || column_name FROM information_schema.columns
            WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1
            """);
        var tables = await connection.QueryAsync<string>("""
            SELECT table_schema || '.' || table_name FROM information_schema.tables
            WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1
            """);
        return [.. tables, .. columns];
    }
}
