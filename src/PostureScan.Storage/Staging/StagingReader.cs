using System.Data.Common;
using System.Text.Json;
using Dapper;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.Core.Serialization;
using PostureScan.Storage.Rows;

namespace PostureScan.Storage.Staging;

/// <summary>Reads staged runs and their progress inside the caller's transaction, in portable SQL.</summary>
internal static class StagingReader
{
    private const string SelectProgress = """
        SELECT r.run_id AS RunId, r.started_at AS StartedAt, r.planned AS Planned, r.staged AS Staged, r.planning AS Planning
        FROM staged_runs r
        """;

    private const string SelectRun = "SELECT run_id AS RunId, started_at AS StartedAt, providers AS Providers, planning AS Planning FROM staged_runs WHERE run_id = @RunId";

    private const string SelectScopes = """
        SELECT run_id AS RunId, seq AS Seq, provider AS Provider, account AS Account, region AS Region,
               status AS Status, error_kind AS ErrorKind, error AS Error, api_calls AS ApiCalls, duration_ms AS DurationMs
        FROM staged_scopes WHERE run_id = @RunId ORDER BY seq
        """;

    // Unordered: a run's sessions are megabytes (6,120 of them made a 10 MB sort that PostgreSQL spilled to disk on
    // every commit), and putting each scope's few in order here costs next to nothing.
    private const string SelectSessions = "SELECT scope_seq, seq, record_json, raw_json FROM staged_sessions WHERE run_id = @RunId";

    public static async Task<IReadOnlyList<StagingProgress>> ListAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<ProgressRow>(new CommandDefinition(
            SelectProgress + " ORDER BY r.started_at, r.run_id", transaction: transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToProgress())];
    }

    public static async Task<StagedRun?> ReadAsync(DbConnection connection, DbTransaction transaction, string runId, CancellationToken cancellationToken)
    {
        var parameters = new { RunId = runId };
        var run = await connection.QuerySingleOrDefaultAsync<RunRow>(
            new CommandDefinition(SelectRun, parameters, transaction, cancellationToken: cancellationToken));
        if (run is null)
        {
            return null;
        }

        var scopes = (await connection.QueryAsync<ScopeRow>(
            new CommandDefinition(SelectScopes, parameters, transaction, cancellationToken: cancellationToken))).ToList();
        var sessions = scopes.ToDictionary(s => s.Seq, _ => new List<StagedSession>());
        await using (var reader = await connection.ExecuteReaderAsync(
            new CommandDefinition(SelectSessions, parameters, transaction, cancellationToken: cancellationToken)))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var session = SessionRow.ToSession(reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3));
                sessions[reader.GetInt64(0)].Add(new StagedSession(reader.GetInt64(1), session));
            }
        }

        // A planned scope not staged yet has a null status; its placeholder result is not a result.
        var pending = scopes.Where(s => string.IsNullOrEmpty(s.Status)).Select(s => new Scope(s.Provider, s.Account, s.Region));
        var staged = scopes.Where(s => !string.IsNullOrEmpty(s.Status)).Select(s => new ScopeInventory(s.ToResult(), InStagedOrder(sessions[s.Seq])));
        return new StagedRun(
            run.RunId,
            StoredTime.Parse(run.StartedAt),
            JsonSerializer.Deserialize<string[]>(run.Providers, PostureJson.Options) ?? [],
            [.. pending],
            [.. staged],
            run.Planning != 0);
    }

    // A comparison over a class, not a key selector over a value tuple: generic code over value types is compiled
    // when first run, and this runs first on a node's first commit.
    private static List<MirrorSession> InStagedOrder(List<StagedSession> sessions)
    {
        sessions.Sort(static (a, b) => a.Seq.CompareTo(b.Seq));
        return [.. sessions.Select(s => s.Session)];
    }

    private sealed record StagedSession(long Seq, MirrorSession Session);

    internal sealed class ProgressRow
    {
        public string RunId { get; init; } = "";

        public string StartedAt { get; init; } = "";

        public long Planned { get; init; }

        public long Staged { get; init; }

        public long Planning { get; init; }

        public StagingProgress ToProgress() => new(RunId, StoredTime.Parse(StartedAt), checked((int)Planned), checked((int)Staged), Planning != 0);
    }

    private sealed class RunRow
    {
        public string RunId { get; init; } = "";

        public string StartedAt { get; init; } = "";

        public string Providers { get; init; } = "[]";

        public long Planning { get; init; }
    }
}
