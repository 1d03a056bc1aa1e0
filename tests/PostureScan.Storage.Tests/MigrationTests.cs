using Dapper;
using Microsoft.Data.Sqlite;
using PostureScan.Storage.Migrations;
using PostureScan.Storage.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Storage.Tests;

public sealed class MigrationTests : StoreTestBase
{
    [Fact]
    public void The_embedded_sqlite_migrations_are_numbered_from_one_without_gaps()
    {
        var migrations = EmbeddedMigrations.Load(EmbeddedMigrations.Sqlite);

        Assert.Equal(Enumerable.Range(1, migrations.Count), migrations.Select(m => m.Version));
        Assert.Equal("initial", migrations[0].Name);
        Assert.Contains("CREATE TABLE scan_runs", migrations[0].Sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0001_a.sql", "0003_c.sql")]
    [InlineData("0001_a.sql", "0001_b.sql")]
    [InlineData("0002_b.sql")]
    [InlineData("0001_a.sql", "2_b.sql")]
    [InlineData("0001_Initial.sql")]
    public void Badly_numbered_or_named_scripts_are_rejected(params string[] names)
    {
        var files = names.Select(n => KeyValuePair.Create(n, "SELECT 1;"));

        Assert.Throws<InvalidOperationException>(() => EmbeddedMigrations.Parse("Test", files));
    }

    [Fact]
    public async Task Opening_twice_applies_each_migration_once()
    {
        var firstOpen = Time.GetUtcNow();
        await using (var store = await OpenAsync())
        {
            await store.SaveRunAsync(Some.Run(), None);
        }

        Time.Advance(TimeSpan.FromDays(1));
        await using var again = await OpenAsync();

        await using var connection = await again.OpenConnectionAsync(None);
        var applied = (await connection.QueryAsync<(long Version, string AppliedAt)>(
            "SELECT version, applied_at FROM schema_migrations ORDER BY version")).ToList();
        Assert.Equal(EmbeddedMigrations.Load(EmbeddedMigrations.Sqlite).Select(m => (long)m.Version), applied.Select(a => a.Version));
        Assert.All(applied, a => Assert.Equal(firstOpen, StoredTime.Parse(a.AppliedAt)));
        Assert.Single(await again.ListRunsAsync(None));
    }

    [Fact]
    public async Task The_file_is_in_wal_mode_and_connections_enforce_foreign_keys()
    {
        await using var store = await OpenAsync();
        await using var connection = await store.OpenConnectionAsync(None);

        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
        Assert.True(await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout") > 0);
        var orphan = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync(
            "INSERT INTO scope_results (run_id, seq, provider, account, region, status, api_calls, duration_ms) VALUES ('missing', 0, 'aws', 'a', 'r', 'ok', 0, 0)"));
        Assert.Equal(19, orphan.SqliteErrorCode); // SQLITE_CONSTRAINT
    }

    [Fact]
    public async Task Another_applications_file_is_refused_byte_for_byte_as_it_was_and_not_switched_to_wal()
    {
        await using (var connection = await OpenPlainConnectionAsync())
        {
            await connection.ExecuteAsync("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me');");
        }

        var before = await File.ReadAllBytesAsync(DatabasePath);

        await Assert.ThrowsAsync<StoreRefusedException>(OpenAsync);

        Assert.Equal(before, await File.ReadAllBytesAsync(DatabasePath));
        Assert.False(File.Exists(DatabasePath + "-wal"));
    }

    [Fact]
    public async Task The_refusal_cuts_a_long_table_name()
    {
        await using (var connection = await OpenPlainConnectionAsync())
        {
            await connection.ExecuteAsync($"CREATE TABLE {new string('t', 200)} (id INTEGER)");
        }

        var error = await Assert.ThrowsAsync<StoreRefusedException>(OpenAsync);

        Assert.StartsWith($"it holds tables of something else ({new string('t', 64)}… [truncated, 200 characters in all]) and", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_is_set_up_as_a_new_store()
    {
        await File.WriteAllBytesAsync(DatabasePath, []);

        await using var store = await OpenAsync();
        await store.SaveRunAsync(Some.Run(), None);

        Assert.Single(await store.ListRunsAsync(None));
    }

    [Fact]
    public async Task Only_pending_migrations_run_in_version_order()
    {
        var one = Script("0001_first.sql", "CREATE TABLE t (step INTEGER NOT NULL);");
        var two = Script("0002_second.sql", "INSERT INTO t (step) VALUES (2);");
        var three = Script("0003_third.sql", "INSERT INTO t (step) VALUES (3); CREATE TABLE audit_events (event_id TEXT PRIMARY KEY);");
        await using var connection = await OpenRawAsync();

        var firstCount = await MigrationRunner.ApplyAsync(connection, EmbeddedMigrations.Parse("Test", [two, one]), Time, None);
        var secondCount = await MigrationRunner.ApplyAsync(connection, EmbeddedMigrations.Parse("Test", [three, one, two]), Time, None);
        var thirdCount = await MigrationRunner.ApplyAsync(connection, EmbeddedMigrations.Parse("Test", [one, two, three]), Time, None);

        Assert.Equal((2, 1, 0), (firstCount, secondCount, thirdCount));
        Assert.Equal([2L, 3L], await connection.QueryAsync<long>("SELECT step FROM t ORDER BY rowid"));
        Assert.Equal([1L, 2L, 3L], await connection.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version"));
    }

    [Fact]
    public async Task A_failing_migration_leaves_the_schema_as_it_was()
    {
        var one = Script("0001_first.sql", "CREATE TABLE t (step INTEGER NOT NULL);");
        var broken = Script("0002_broken.sql", "CREATE TABLE half (x INTEGER); INSERT INTO no_such_table VALUES (1);");
        await using var connection = await OpenRawAsync();
        await MigrationRunner.ApplyAsync(connection, EmbeddedMigrations.Parse("Test", [one]), Time, None);

        await Assert.ThrowsAsync<SqliteException>(() =>
            MigrationRunner.ApplyAsync(connection, EmbeddedMigrations.Parse("Test", [one, broken]), Time, None));

        Assert.Equal([1L], await connection.QueryAsync<long>("SELECT version FROM schema_migrations"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'"));
    }

    [Fact]
    public async Task A_run_staged_before_its_counts_were_kept_gets_them_from_the_migration()
    {
        // The schema as it was before staged runs counted their scopes, with a run half collected in it.
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            var before = EmbeddedMigrations.Load(EmbeddedMigrations.Sqlite).TakeWhile(m => m.Name != "staging_counts").ToList();
            Assert.Equal(6, before.Count);
            await MigrationRunner.ApplyAsync(connection, before, Time, None);
            await connection.ExecuteAsync("""
                INSERT INTO staged_runs (run_id, started_at, providers) VALUES ('run-old', '2026-11-27T00:00:00.0000000Z', '["aws"]');
                INSERT INTO staged_scopes (run_id, seq, provider, account, region, status, api_calls, duration_ms, attempts)
                VALUES ('run-old', 0, 'aws', '111111111111', 'eu-west-1', 'ok', 3, 10, 1),
                       ('run-old', 1, 'aws', '111111111111', 'us-east-1', NULL, 0, 0, 0),
                       ('run-old', 2, 'aws', '111111111111', 'us-west-2', NULL, 0, 0, 0);
                """);
        }

        await using var store = await OpenAsync();
        var progress = Assert.Single(await store.ListStagedRunsAsync(None));
        Assert.Equal(("run-old", 3, 1), (progress.RunId, progress.Planned, progress.Staged));

        // Planned whole, as every run was before plans grew with discovery (0008): its plan is not open.
        Assert.False(progress.Planning);

        // Counting goes on from there: the next scope staged makes two of three.
        var next = await store.StageScopeAsync("run-old", new Core.Scanning.ScopeInventory(Some.ScopeOk(Some.Scope(account: "111111111111", region: "us-east-1")), []), None);
        Assert.Equal((3, 2), (next!.Planned, next.Staged));
        var last = await store.StageScopeAsync("run-old", new Core.Scanning.ScopeInventory(Some.ScopeOk(Some.Scope(account: "111111111111", region: "us-west-2")), []), None);
        Assert.True(last!.IsComplete);
    }

    private static KeyValuePair<string, string> Script(string name, string sql) => KeyValuePair.Create(name, sql);

    private async Task<SqliteConnection> OpenRawAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Folder.File("raw.db"), Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
