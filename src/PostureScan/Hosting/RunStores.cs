using Microsoft.Data.Sqlite;
using Npgsql;
using PostureScan.Cli;
using PostureScan.Storage;

namespace PostureScan.Hosting;

/// <summary>Opens the configured store: a SQLite file, or a PostgreSQL database in cluster mode.</summary>
internal static class RunStores
{
    /// <summary>
    /// Opens the store, creating a SQLite file (and its folder) when there is none yet. A store that cannot be
    /// opened (a server that does not answer, a file that is not a database) or that this build must not alter
    /// (another application's database, a store of a newer build) is a usage error: one line, exit 2.
    /// </summary>
    public static async Task<RunStore> OpenAsync(StoreLocation location, CancellationToken ct)
    {
        if (!location.IsPostgres)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(location.Target)!);
        }

        try
        {
            return location.IsPostgres
                ? await PostgresRunStore.OpenAsync(location.Target, TimeProvider.System, ct)
                : await SqliteRunStore.OpenAsync(location.Target, TimeProvider.System, ct);
        }
        catch (StoreRefusedException ex)
        {
            // Another application's database, or a store of a newer or different build: left as it was.
            throw new UsageException($"{location.Description}: cannot open the store: {ex.Message}");
        }
        catch (NpgsqlException ex) when (!ct.IsCancellationRequested)
        {
            // A server that is down, a wrong password, a database that does not exist: the operator's to fix,
            // so one line that says where and why (exit 2), never a stack. The location holds no credentials.
            throw new UsageException($"{location.Description}: cannot open the store: {Reason(ex)}");
        }
        catch (SqliteException ex) when (!ct.IsCancellationRequested)
        {
            // A file that is not a database (26) or a damaged one (11): one line naming it, as for PostgreSQL.
            throw new UsageException($"{location.Description}: cannot open the store: {ex.Message}");
        }
    }

    /// <summary>The server's own words when it answered (28P01, 3D000...), else the connection's failure and its cause.</summary>
    private static string Reason(NpgsqlException ex) => ex switch
    {
        PostgresException server => $"{server.SqlState}: {server.MessageText}",
        { InnerException: { } inner } when inner is not NpgsqlException => $"{ex.Message} ({inner.Message})",
        _ => ex.Message,
    };

    /// <summary>
    /// Opens a store that must already exist: a command reading from a mistyped path should fail, not find
    /// an empty store. (A PostgreSQL database is a server's to have; an empty one reads as no runs.)
    /// </summary>
    public static Task<RunStore> OpenExistingAsync(StoreLocation location, string missing, CancellationToken ct) =>
        !location.IsPostgres && !File.Exists(location.Target)
            ? throw new UsageException($"{location.Target}: {missing}")
            : OpenAsync(location, ct);

    /// <summary>The store of --db, else the Store section of the configuration or POSTURESCAN__STORE__ variables.</summary>
    public static StoreLocation Locate(string? db, Microsoft.Extensions.Configuration.IConfiguration? configuration = null)
    {
        var settings = configuration ?? AppConfiguration.Load(null);
        return AppConfiguration.Check(settings, () => StoreLocation.Resolve(db, AppConfiguration.Bind<StoreSettings>(settings, "Store")));
    }
}
