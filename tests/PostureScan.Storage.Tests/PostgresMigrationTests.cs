using Dapper;
using PostureScan.Storage.Migrations;
using PostureScan.Storage.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Storage.Tests;

/// <summary>The PostgreSQL migrations: the same tables as SQLite's, the Quartz job store's, and safe when nodes start together.</summary>
[Collection(PostgresDatabases.Name)]
public sealed class PostgresMigrationTests(PostgresServer server) : StoreTestBase(server)
{
    [Fact]
    public void Both_dialects_have_the_same_numbered_migrations()
    {
        var postgres = EmbeddedMigrations.Load(EmbeddedMigrations.Postgres);
        var sqlite = EmbeddedMigrations.Load(EmbeddedMigrations.Sqlite);

        Assert.Equal(sqlite.Select(m => (m.Version, m.Name)), postgres.Select(m => (m.Version, m.Name)));
    }

    [Fact]
    public async Task Both_dialects_create_the_same_tables_and_columns()
    {
        await using var postgres = await OpenAsync();
        await using var sqlite = await SqliteRunStore.OpenAsync(Folder.File("compare.db"), Time, None);

        await using var pg = await postgres.OpenConnectionAsync(None);
        var pgColumns = await pg.QueryAsync<(string Table, string Column)>(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'");
        await using var lite = await sqlite.OpenConnectionAsync(None);
        var liteColumns = await lite.QueryAsync<(string Table, string Column)>(
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'");

        static string[] Normal(IEnumerable<(string Table, string Column)> columns) =>
            [.. columns.Select(c => $"{c.Table.ToLowerInvariant()}.{c.Column.ToLowerInvariant()}").Order(StringComparer.Ordinal)];
        Assert.Equal(Normal(liteColumns), Normal(pgColumns));
        Assert.Contains("qrtz_fired_triggers.requests_recovery", Normal(pgColumns));
        Assert.Contains("qrtz_scheduler_state.last_checkin_time", Normal(pgColumns));
    }

    [Fact]
    public async Task Nodes_opening_a_new_database_at_once_apply_each_migration_once()
    {
        await (await OpenPlainConnectionAsync()).DisposeAsync(); // the database exists, still empty
        var opens = Enumerable.Range(0, 6).Select(_ => Task.Run(OpenAsync)).ToList();
        var stores = await Task.WhenAll(opens);
        try
        {
            await using var connection = await stores[0].OpenConnectionAsync(None);
            var versions = await connection.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version");
            Assert.Equal(EmbeddedMigrations.Load(EmbeddedMigrations.Postgres).Select(m => (long)m.Version), versions);
            await stores[^1].SaveRunAsync(Some.Run(), None);
            Assert.Single(await stores[0].ListRunsAsync(None));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task The_location_names_host_and_database_but_no_password()
    {
        await using var store = await OpenAsync();

        Assert.StartsWith("postgres://127.0.0.1:", store.Location, StringComparison.Ordinal);
        Assert.DoesNotContain("assword", store.Location, StringComparison.OrdinalIgnoreCase);
    }
}
