using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using PostureScan.Storage;
using PostureScan.TestKit;

namespace PostureScan.Tests;

/// <summary>
/// A SQLite file that holds another application's tables, or a store written by another build, is refused with
/// one line naming it, exit 2, and left exactly as it was.
/// </summary>
public sealed class StoreOwnershipTests
{
    [Theory]
    [InlineData("status")]
    [InlineData("outbox list")]
    [InlineData("scan")]
    public async Task A_store_command_on_another_applications_database_names_it_exits_2_and_changes_nothing(string command)
    {
        using var dir = new TemporaryDirectory();
        var file = dir.File("crm.db");
        await CreateForeignDatabaseAsync(file);
        var before = await File.ReadAllBytesAsync(file);
        Directory.CreateDirectory(dir.File("devices"));
        await File.WriteAllTextAsync(dir.File("config.json"), JsonSerializer.Serialize(new { Cisco = new { Directory = dir.File("devices") } }));

        var (exit, _, stderr) = await CliProcess.RunAsync(
            dir.Path, [.. command.Split(' '), "--db", file, .. command == "scan" ? new[] { "--config", dir.File("config.json"), "--provider", "cisco" } : []]);

        Assert.True(exit == 2, $"exit {exit}: {stderr}");
        Assert.Equal(
            $"error: {file}: cannot open the store: it holds tables of something else (customers, orders) and no PostureScan history, "
            + "so it was left as it is; use another --db",
            stderr.Trim());
        Assert.Equal(before, await File.ReadAllBytesAsync(file));
        Assert.False(File.Exists(file + "-wal"), "the file was switched to WAL");
    }

    [Fact]
    public async Task Scan_on_an_empty_database_file_sets_it_up()
    {
        using var dir = new TemporaryDirectory();
        var file = dir.File("empty.db");
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync("PRAGMA user_version = 1"); // a database file with a header and no tables
        }

        Directory.CreateDirectory(dir.File("devices"));
        await File.WriteAllTextAsync(dir.File("config.json"), JsonSerializer.Serialize(new { Cisco = new { Directory = dir.File("devices") } }));

        var (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, "scan", "--config", dir.File("config.json"), "--provider", "cisco", "--db", file);

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        await using var store = await SqliteRunStore.OpenAsync(file, TimeProvider.System, CancellationToken.None);
        Assert.Single(await store.ListRunsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Status_on_a_store_written_by_a_newer_build_names_the_unknown_migration_and_exits_2()
    {
        using var dir = new TemporaryDirectory();
        var file = dir.File("newer.db");
        await SaveOneRunAsync(file, "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (42, 'future', 'x', '2030-01-01T00:00:00.0000000Z')");
        var before = await File.ReadAllBytesAsync(file);

        var (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, "status", "--db", file);

        Assert.True(exit == 2, $"exit {exit}: {stderr}");
        Assert.Equal(
            $"error: {file}: cannot open the store: it was written by a newer PostureScan (migration 0042 is unknown to this build); use that build or another --db",
            stderr.Trim());
        Assert.Equal(before, await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public async Task Serve_on_a_store_whose_applied_migration_differs_from_this_builds_names_it_and_exits_2()
    {
        using var dir = new TemporaryDirectory();
        var file = dir.File("other-build.db");
        await SaveOneRunAsync(file, "UPDATE schema_migrations SET checksum = 'edited' WHERE version = 2");
        Directory.CreateDirectory(dir.File("devices"));
        await File.WriteAllTextAsync(dir.File("serve.json"), JsonSerializer.Serialize(new
        {
            Cisco = new { Directory = dir.File("devices") },
            Serve = new { MetricsPort = 0 },
            Store = new { Path = file },
        }));

        var (exit, _, stderr) = await CliProcess.RunAsync(dir.Path, "serve", "--config", dir.File("serve.json"));

        Assert.True(exit == 2, $"exit {exit}: {stderr}");
        Assert.Equal(
            $"error: {file}: cannot open the store: it was written by another build of PostureScan (its migration 0002, findings, differs from this build's); use that build or another --db",
            stderr.Trim());
    }

    /// <summary>A small database of another application, in SQLite's default rollback-journal mode.</summary>
    private static async Task CreateForeignDatabaseAsync(string file)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        await connection.OpenAsync();
        await connection.ExecuteAsync("""
            CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
            CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers (id));
            INSERT INTO customers (name) VALUES ('Ada'), ('Grace');
            INSERT INTO orders (customer_id) VALUES (1), (2);
            """);
    }

    /// <summary>A store with one run, then <paramref name="change"/> made to its migration history.</summary>
    private static async Task SaveOneRunAsync(string file, string change)
    {
        await using (var store = await SqliteRunStore.OpenAsync(file, TimeProvider.System, CancellationToken.None))
        {
            await store.SaveRunAsync(Some.Run(), CancellationToken.None);
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        await connection.OpenAsync();
        await connection.ExecuteAsync(change);
    }
}
