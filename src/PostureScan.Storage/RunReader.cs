using System.Data.Common;
using Dapper;
using PostureScan.Core.Scanning;
using PostureScan.Storage.Rows;

namespace PostureScan.Storage;

/// <summary>Reads runs back inside the caller's (read) transaction, so every query sees one snapshot.</summary>
internal static class RunReader
{
    private const string SelectRun = """
        SELECT id AS Id, started_at AS StartedAt, finished_at AS FinishedAt, providers AS Providers,
               is_partial AS IsPartial, api_calls AS ApiCalls
        FROM scan_runs WHERE id = @RunId
        """;

    private const string SelectScopes = """
        SELECT run_id AS RunId, seq AS Seq, provider AS Provider, account AS Account, region AS Region,
               status AS Status, error_kind AS ErrorKind, error AS Error, api_calls AS ApiCalls, duration_ms AS DurationMs
        FROM scope_results WHERE run_id = @RunId ORDER BY seq
        """;

    private const string SelectSessions =
        "SELECT record_json, raw_json FROM mirror_sessions WHERE run_id = @RunId ORDER BY seq";

    private const string SelectLatestId =
        "SELECT id FROM scan_runs ORDER BY started_at DESC, id DESC LIMIT 1";

    // Two index walks from the newest run: the latest, and the latest without a failed scope.
    private const string SelectLatestFinishes = """
        SELECT (SELECT finished_at FROM scan_runs ORDER BY started_at DESC, id DESC LIMIT 1) AS LastRun,
               (SELECT finished_at FROM scan_runs WHERE is_partial = @Partial ORDER BY started_at DESC, id DESC LIMIT 1) AS LastComplete
        """;

    private const string SelectSummaries = """
        SELECT r.id AS Id, r.started_at AS StartedAt, r.finished_at AS FinishedAt,
               (SELECT COUNT(*) FROM scope_results s WHERE s.run_id = r.id) AS Scopes,
               (SELECT COUNT(*) FROM scope_results s WHERE s.run_id = r.id AND s.status = 'failed') AS FailedScopes,
               (SELECT COUNT(*) FROM mirror_sessions m WHERE m.run_id = r.id) AS Sessions
        FROM scan_runs r
        ORDER BY r.started_at DESC, r.id DESC
        """;

    public static async Task<ScanRun?> ReadAsync(
        DbConnection connection, DbTransaction transaction, string runId, CancellationToken cancellationToken)
    {
        var parameters = new { RunId = runId };
        var run = await connection.QuerySingleOrDefaultAsync<RunRow>(
            new CommandDefinition(SelectRun, parameters, transaction, cancellationToken: cancellationToken));
        if (run is null)
        {
            return null;
        }

        var scopes = await connection.QueryAsync<ScopeRow>(
            new CommandDefinition(SelectScopes, parameters, transaction, cancellationToken: cancellationToken));
        var sessions = new List<Core.Inventory.MirrorSession>();
        await using (var reader = await connection.ExecuteReaderAsync(
            new CommandDefinition(SelectSessions, parameters, transaction, cancellationToken: cancellationToken)))
        {
            // Read row by row: a run may hold thousands of sessions with large JSON.
            while (await reader.ReadAsync(cancellationToken))
            {
                sessions.Add(SessionRow.ToSession(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
            }
        }

        return new ScanRun(
            run.Id,
            StoredTime.Parse(run.StartedAt),
            StoredTime.Parse(run.FinishedAt),
            run.ProviderList(),
            [.. scopes.Select(s => s.ToResult())],
            sessions);
    }

    public static Task<string?> LatestIdAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<string?>(
            new CommandDefinition(SelectLatestId, transaction: transaction, cancellationToken: cancellationToken));

    /// <summary>When the latest run, and the latest run without a failed scope, finished.</summary>
    public static async Task<(DateTimeOffset? LastRun, DateTimeOffset? LastComplete)> LatestFinishesAsync(
        DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleAsync<FinishesRow>(
            new CommandDefinition(SelectLatestFinishes, new { Partial = false }, transaction, cancellationToken: cancellationToken));
        return (Time(row.LastRun), Time(row.LastComplete));

        static DateTimeOffset? Time(string? stored) => stored is null ? null : StoredTime.Parse(stored);
    }

    public static async Task<IReadOnlyList<RunSummary>> ListAsync(
        DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<SummaryRow>(
            new CommandDefinition(SelectSummaries, transaction: transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new RunSummary(
            r.Id,
            StoredTime.Parse(r.StartedAt),
            StoredTime.Parse(r.FinishedAt),
            checked((int)r.Scopes),
            checked((int)r.FailedScopes),
            checked((int)r.Sessions)))];
    }

    private sealed class FinishesRow
    {
        public string? LastRun { get; init; }

        public string? LastComplete { get; init; }
    }

    private sealed class SummaryRow
    {
        public string Id { get; init; } = "";

        public string StartedAt { get; init; } = "";

        public string FinishedAt { get; init; } = "";

        public long Scopes { get; init; }

        public long FailedScopes { get; init; }

        public long Sessions { get; init; }
    }
}
