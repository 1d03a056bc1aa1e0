using System.Data.Common;
using Dapper;

namespace PostureScan.Storage.Migrations;

/// <summary>
/// Brings a database up to the latest migration, recording each in <c>schema_migrations</c>. Plain ADO and
/// Dapper with portable SQL, so every dialect shares it; only the scripts differ.
/// </summary>
internal static class MigrationRunner
{
    private const string CreateHistory = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     INTEGER NOT NULL PRIMARY KEY,
            name        TEXT    NOT NULL,
            checksum    TEXT    NOT NULL,
            applied_at  TEXT    NOT NULL
        )
        """;

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

    private static void Verify(Dictionary<long, AppliedMigration> applied, IReadOnlyList<Migration> migrations)
    {
        var known = migrations.ToDictionary(m => (long)m.Version);
        foreach (var (version, row) in applied)
        {
            if (!known.TryGetValue(version, out var migration))
            {
                throw new InvalidOperationException(
                    $"The database has schema version {version}, newer than this build knows ({migrations.Count}); use a newer PostureScan.");
            }

            if (!string.Equals(row.Checksum, migration.Checksum, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"Migration {version} ({migration.Name}) was changed after it was applied to this database; add a new migration instead.");
            }
        }
    }

    private sealed class AppliedMigration
    {
        public long Version { get; init; }

        public string Checksum { get; init; } = "";
    }
}
