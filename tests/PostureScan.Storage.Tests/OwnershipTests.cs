using Dapper;
using PostureScan.Storage.Migrations;
using PostureScan.Storage.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Storage.Tests;

/// <summary>
/// Only a new or empty database, or PostureScan's own, is set up or migrated: another application's, or one of a
/// newer or different build, is refused with the reason and left exactly as it was.
/// </summary>
public abstract class OwnershipTests(PostgresServer? postgres) : StoreTestBase(postgres)
{
    [Fact]
    public async Task A_database_holding_other_tables_is_refused_and_left_as_it_was()
    {
        await ExecuteAsync("""
            CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
            CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL);
            CREATE TABLE invoices (id INTEGER PRIMARY KEY);
            CREATE TABLE products (id INTEGER PRIMARY KEY);
            CREATE VIEW big_customers AS SELECT name FROM customers;
            INSERT INTO customers (id, name) VALUES (1, 'Ada'), (2, 'Grace');
            """);
        var before = await SchemaAsync();

        var error = await Assert.ThrowsAsync<StoreRefusedException>(OpenAsync);

        Assert.Equal(
            "it holds tables of something else (big_customers, customers, invoices and 2 more) and no PostureScan history, "
            + "so it was left as it is; use another --db",
            error.Message);
        Assert.Equal(before, await SchemaAsync());
        await using var connection = await OpenPlainConnectionAsync();
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM customers"));
    }

    [Fact]
    public async Task The_refusal_shows_a_hostile_table_name_on_one_line()
    {
        await ExecuteAsync("CREATE TABLE \"evil\u001b[2J\nname\u202E\" (id INTEGER)");

        var error = await Assert.ThrowsAsync<StoreRefusedException>(OpenAsync);

        Assert.StartsWith("it holds tables of something else (evil?[2J?name?) and", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_migration_table_of_another_tool_is_not_taken_for_postures_history()
    {
        await ExecuteAsync("""
            CREATE TABLE schema_migrations (version BIGINT NOT NULL PRIMARY KEY, dirty BOOLEAN NOT NULL);
            INSERT INTO schema_migrations (version, dirty) VALUES (20240101, FALSE);
            """);
        var before = await SchemaAsync();

        var error = await Assert.ThrowsAsync<StoreRefusedException>(OpenAsync);

        Assert.StartsWith("it holds tables of something else (schema_migrations) and no PostureScan history", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SchemaAsync());
    }

    [Fact]
    public async Task An_empty_database_is_set_up()
    {
        await (await OpenPlainConnectionAsync()).DisposeAsync(); // the database exists, with no tables

        await using var store = await OpenAsync();
        await store.SaveRunAsync(Some.Run(), None);

        Assert.Single(await store.ListRunsAsync(None));
    }

    [Fact]
    public async Task A_database_from_a_newer_build_is_refused_and_left_as_it_was()
    {
        await using (var store = await OpenAsync())
        {
            await store.SaveRunAsync(Some.Run(), None);
        }

        var known = EmbeddedMigrations.Load(Dialect).Count;
        await ExecuteAsync(
            $"INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ({known + 2}, 'later', 'y', '2030-01-02T00:00:00.0000000Z'), "
            + $"({known + 1}, 'future', 'x', '2030-01-01T00:00:00.0000000Z')");
        var before = await SchemaAsync();

        var error = await Assert.ThrowsAsync<StoreRefusedException>(OpenAsync);

        Assert.Equal(
            $"it was written by a newer PostureScan (migration {known + 1:D4} is unknown to this build); use that build or another --db",
            error.Message);
        Assert.Equal(before, await SchemaAsync());
    }

    [Fact]
    public async Task A_store_whose_applied_migration_differs_from_this_builds_is_refused()
    {
        await using (var store = await OpenAsync())
        {
            await store.SaveRunAsync(Some.Run(), None);
        }

        await ExecuteAsync("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 2");

        var error = await Assert.ThrowsAsync<StoreRefusedException>(OpenAsync);

        Assert.Equal(
            "it was written by another build of PostureScan (its migration 0002, findings, differs from this build's); use that build or another --db",
            error.Message);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenPlainConnectionAsync();
        await connection.ExecuteAsync(sql);
    }

    /// <summary>What the database holds: every table and view with its definition, and the migration history.</summary>
    private async Task<List<string>> SchemaAsync()
    {
        await using var connection = await OpenPlainConnectionAsync();
        var objects = Dialect == EmbeddedMigrations.Sqlite
            ? await connection.QueryAsync<string>("SELECT type || ' ' || name || ': ' || sql FROM sqlite_master ORDER BY name")
            : await connection.QueryAsync<string>("""
                SELECT table_schema || '.' || table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns
                WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1
                """);
        var history = Dialect == EmbeddedMigrations.Sqlite
            ? await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE name = 'schema_migrations'")
            : await connection.QueryAsync<string>("SELECT CAST(to_regclass('schema_migrations') AS text)");
        var rows = history.Any(h => h is not null)
            ? await connection.QueryAsync<string>("SELECT CAST(version AS TEXT) FROM schema_migrations ORDER BY version")
            : [];
        return [.. objects, .. rows.Select(r => "history " + r)];
    }
}
