using System.Data.Common;
using System.Globalization;
using Dapper;
using PostureScan.Core.Text;

namespace PostureScan.Storage.Migrations;

/// <summary>
/// Brings a database up to the latest migration, recording each in <c>schema_migrations</c>. Plain ADO and
/// Dapper with portable SQL, so every dialect shares it; only the scripts differ.
/// </summary>
internal static class MigrationRunner
{
    private const string HistoryTable = "schema_migrations";

    private const int NameLength = 64;

    private const string CreateHistory = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     INTEGER NOT NULL PRIMARY KEY,
            name        TEXT    NOT NULL,
            checksum    TEXT    NOT NULL,
            applied_at  TEXT    NOT NULL
        )
        """;

    private static readonly string[] HistoryColumns = ["version", "name", "checksum", "applied_at"];

    /// <summary>
    /// Applies the pending migrations in order, all in one transaction, and returns how many ran.
    /// <paramref name="lockStatement"/>, when given, runs first in that transaction and holds every other
    /// process back until it commits (SQLite's BEGIN IMMEDIATE needs none).
    /// </summary>
    public static async Task<int> ApplyAsync(
        DbConnection connection, IReadOnlyList<Migration> migrations, TimeProvider time, CancellationToken cancellationToken, string? lockStatement = null)
    {
        // Everything, the history table included, happens under the lock: two processes opening a new
        // database at once can neither both create the table nor both apply the same migration.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (lockStatement is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(lockStatement, transaction: transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(CreateHistory, transaction: transaction, cancellationToken: cancellationToken));
        var applied = (await connection.QueryAsync<AppliedMigration>(new CommandDefinition(
            "SELECT version AS Version, checksum AS Checksum FROM schema_migrations ORDER BY version",
            transaction: transaction,
            cancellationToken: cancellationToken))).ToDictionary(m => m.Version);

        Verify(applied, migrations);

        var pending = migrations.Where(m => !applied.ContainsKey(m.Version)).ToList();
        foreach (var migration in pending)
        {
            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@Version, @Name, @Checksum, @AppliedAt)",
                new { migration.Version, migration.Name, migration.Checksum, AppliedAt = StoredTime.Format(time.GetUtcNow()) },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return pending.Count;
    }

    /// <summary>
    /// Refuses, before anything is written, a database that already holds tables but no PostureScan history: another
    /// application's, or a wrong path. A new or empty database, or one with PostureScan's history, passes.
    /// </summary>
    public static async Task RefuseForeignAsync(DbConnection connection, SchemaCatalog catalog, CancellationToken cancellationToken)
    {
        var tables = (await connection.QueryAsync<string>(new CommandDefinition(catalog.TablesQuery, cancellationToken: cancellationToken)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (tables.Count == 0)
        {
            return;
        }

        // Other tools keep a schema_migrations table too (with other columns): only ours is PostureScan's history.
        if (tables.Contains(HistoryTable, StringComparer.Ordinal))
        {
            var columns = await connection.QueryAsync<string>(new CommandDefinition(catalog.HistoryColumnsQuery, cancellationToken: cancellationToken));
            if (HistoryColumns.All(columns.Contains))
            {
                return;
            }
        }

        // The names are another application's, printed on one line: no control or format character passes, nor a name of any length.
        const int Named = 3;
        var names = string.Join(", ", tables.Take(Named).Select(t => UnsafeText.Replace(BoundedText.Cut(t, NameLength), '?')))
            + (tables.Count > Named ? $" and {tables.Count - Named} more" : "");
        throw new StoreRefusedException(
            $"it holds tables of something else ({names}) and no PostureScan history, so it was left as it is; use another --db");
    }

    private static void Verify(Dictionary<long, AppliedMigration> applied, IReadOnlyList<Migration> migrations)
    {
        var known = migrations.ToDictionary(m => (long)m.Version);
        foreach (var (version, row) in applied.OrderBy(a => a.Key))
        {
            if (!known.TryGetValue(version, out var migration))
            {
                throw new StoreRefusedException(
                    $"it was written by a newer PostureScan (migration {Number(version)} is unknown to this build); use that build or another --db");
            }

            // A landed migration never changes, so a different one was applied by another build (or an edit that should have been a new migration).
            if (!string.Equals(row.Checksum, migration.Checksum, StringComparison.Ordinal))
            {
                throw new StoreRefusedException(
                    $"it was written by another build of PostureScan (its migration {Number(version)}, {migration.Name}, differs from this build's); "
                    + "use that build or another --db");
            }
        }
    }

    /// <summary>As the scripts are numbered: 0009.</summary>
    private static string Number(long version) => version.ToString("D4", CultureInfo.InvariantCulture);

    private sealed class AppliedMigration
    {
        public long Version { get; init; }

        public string Checksum { get; init; } = "";
    }
}
