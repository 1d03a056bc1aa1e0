using System.Data.Common;
using System.Text.Json;
using Dapper;
using PostureScan.Core.Scanning;
using PostureScan.Core.Serialization;
using PostureScan.Storage.Rows;

namespace PostureScan.Storage.Staging;

/// <summary>
/// Writes staged runs inside the caller's transaction: the plan, one scope's result at a time, and the
/// removal at commit or abandonment. Plain SQL with named parameters only (no upsert, no dialect
/// functions), so every store dialect runs it unchanged.
/// </summary>
internal static class StagingWriter
{
    private const string InsertRun = """
        INSERT INTO staged_runs (run_id, started_at, providers, planned, staged)
        VALUES (@RunId, @StartedAt, @Providers, @Planned, @Staged)
        """;

    private const string InsertScope = """
        INSERT INTO staged_scopes (run_id, seq, provider, account, region, status, error_kind, error, api_calls, duration_ms, attempts, staged_at)
        VALUES (@RunId, @Seq, @Provider, @Account, @Region, @Status, @ErrorKind, @Error, @ApiCalls, @DurationMs, @Attempts, @StagedAt)
        """;

    private const string SelectScope = """
        SELECT seq AS Seq, status AS Status FROM staged_scopes
        WHERE run_id = @RunId AND provider = @Provider AND account = @Account AND region = @Region
        """;

    private const string UpdateScope = """
        UPDATE staged_scopes
        SET status = @Status, error_kind = @ErrorKind, error = @Error, api_calls = @ApiCalls, duration_ms = @DurationMs,
            attempts = attempts + 1, staged_at = @StagedAt
        WHERE run_id = @RunId AND seq = @Seq
        """;

    private const string InsertSession = """
        INSERT INTO staged_sessions (run_id, scope_seq, seq, record_json, raw_json)
        VALUES (@RunId, @ScopeSeq, @Seq, @RecordJson, @RawJson)
        """;

    private const string DeleteScopeSessions = "DELETE FROM staged_sessions WHERE run_id = @RunId AND scope_seq = @ScopeSeq";

    private const string CountStaged = "UPDATE staged_runs SET staged = staged + 1 WHERE run_id = @RunId";

    public static async Task BeginAsync(DbConnection connection, DbTransaction transaction, StagedRunPlan plan, CancellationToken cancellationToken)
    {
        var taken = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT (SELECT COUNT(*) FROM staged_runs WHERE run_id = @RunId) + (SELECT COUNT(*) FROM scan_runs WHERE id = @RunId)",
            new { plan.RunId },
            transaction,
            cancellationToken: cancellationToken));
        if (taken > 0)
        {
            throw new InvalidOperationException($"Run {plan.RunId} is already staged or stored.");
        }

        await Execute(connection, transaction, InsertRun, new
        {
            plan.RunId,
            StartedAt = StoredTime.Format(plan.StartedAt),
            Providers = JsonSerializer.Serialize(plan.Providers, PostureJson.Options),
            Planned = plan.Scopes.Count + plan.Failures.Count,
            Staged = plan.Failures.Count,
        }, cancellationToken);

        var stagedAt = StoredTime.Format(plan.StartedAt);
        var pending = plan.Scopes.Select(s => ScopeResult.Ok(s, 0, TimeSpan.Zero)).Select(r => (Result: r, Staged: false));
        var failed = plan.Failures.Select(r => (Result: r, Staged: true));
        await MultiRowInsert.ExecuteAsync(connection, transaction, InsertScope, pending.Concat(failed).Select((item, seq) =>
        {
            var row = ScopeRow.From(plan.RunId, seq, item.Result);
            return new
            {
                row.RunId,
                row.Seq,
                row.Provider,
                row.Account,
                row.Region,
                Status = item.Staged ? row.Status : null,
                row.ErrorKind,
                row.Error,
                row.ApiCalls,
                row.DurationMs,
                Attempts = item.Staged ? 1 : 0,
                StagedAt = item.Staged ? stagedAt : null,
            };
        }), cancellationToken);
    }

    /// <summary>Stages one scope; false when the run is not open. Throws when the scope is not planned.</summary>
    public static async Task<bool> StageAsync(
        DbConnection connection, DbTransaction transaction, string runId, ScopeInventory inventory, DateTimeOffset stagedAt, CancellationToken cancellationToken)
    {
        // A no-op update of the run's row: it says whether the run is open, and on PostgreSQL it locks that row,
        // so the stagings of one run (and its commit) follow one another and the last one sees every other.
        var open = await Lock(connection, transaction, runId, cancellationToken);
        if (open == 0)
        {
            return false;
        }

        var scope = inventory.Result.Scope;
        var planned = await connection.QuerySingleOrDefaultAsync<PlannedScope>(new CommandDefinition(
            SelectScope, new { RunId = runId, scope.Provider, scope.Account, scope.Region }, transaction, cancellationToken: cancellationToken))
            ?? throw new InvalidOperationException($"Scope {scope.Key} is not part of staged run {runId}.");
        var seq = planned.Seq;

        var row = ScopeRow.From(runId, checked((int)seq), inventory.Result);
        await Execute(connection, transaction, UpdateScope, new
        {
            row.RunId,
            row.Seq,
            row.Status,
            row.ErrorKind,
            row.Error,
            row.ApiCalls,
            row.DurationMs,
            StagedAt = StoredTime.Format(stagedAt),
        }, cancellationToken);

        if (string.IsNullOrEmpty(planned.Status))
        {
            // The run's row counts its staged scopes, so that progress is one row to read, not the run's scopes to count.
            await Execute(connection, transaction, CountStaged, new { RunId = runId }, cancellationToken);
        }
        else
        {
            // A scope staged again (a recovered job) replaces its sessions, never adds to them.
            await Execute(connection, transaction, DeleteScopeSessions, new { RunId = runId, ScopeSeq = seq }, cancellationToken);
        }

        await MultiRowInsert.ExecuteAsync(connection, transaction, InsertSession, inventory.Sessions.Select((session, i) =>
        {
            var stored = SessionRow.From(runId, i, session);
            return new { RunId = runId, ScopeSeq = seq, Seq = i, stored.RecordJson, stored.RawJson };
        }), cancellationToken);
        return true;
    }

    /// <summary>Removes a staged run; returns whether it was open.</summary>
    public static async Task<bool> DeleteAsync(DbConnection connection, DbTransaction transaction, string runId, CancellationToken cancellationToken)
    {
        var parameters = new { RunId = runId };
        if (await Lock(connection, transaction, runId, cancellationToken) == 0)
        {
            return false;
        }

        await Execute(connection, transaction, "DELETE FROM staged_sessions WHERE run_id = @RunId", parameters, cancellationToken);
        await Execute(connection, transaction, "DELETE FROM staged_scopes WHERE run_id = @RunId", parameters, cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM staged_runs WHERE run_id = @RunId", parameters, transaction, cancellationToken: cancellationToken)) > 0;
    }

    private static Task<int> Lock(DbConnection connection, DbTransaction transaction, string runId, CancellationToken cancellationToken) =>
        Execute(connection, transaction, "UPDATE staged_runs SET run_id = run_id WHERE run_id = @RunId", new { RunId = runId }, cancellationToken);

    private sealed class PlannedScope
    {
        public long Seq { get; init; }

        public string? Status { get; init; }
    }

    private static Task<int> Execute(DbConnection connection, DbTransaction transaction, string sql, object? parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
}
