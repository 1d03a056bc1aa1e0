using System.Data.Common;
using System.Text.Json;
using Dapper;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.Core.Serialization;
using PostureScan.Storage.Rows;

namespace PostureScan.Storage.Staging;

/// <summary>
/// Writes staged runs inside the caller's transaction: the plan, the scopes' results as their jobs finish, and the
/// removal at commit or abandonment. Plain SQL with named parameters only (no upsert, no dialect
/// functions; RETURNING, which both dialects have), so every store dialect runs it unchanged.
/// </summary>
internal static class StagingWriter
{
    private const string InsertRun = """
        INSERT INTO staged_runs (run_id, started_at, providers, planned, staged, planning)
        VALUES (@RunId, @StartedAt, @Providers, @Planned, @Staged, @Planning)
        """;

    private const string InsertScope = """
        INSERT INTO staged_scopes (run_id, seq, provider, account, region, status, error_kind, error, api_calls, duration_ms, attempts, staged_at)
        VALUES (@RunId, @Seq, @Provider, @Account, @Region, @Status, @ErrorKind, @Error, @ApiCalls, @DurationMs, @Attempts, @StagedAt)
        """;

    // Updates the scope's row and says which row it is and how often it has been staged, in one round trip;
    // RETURNING is in both dialects (SQLite since 3.35). The key is compared as it was stored (StoredText).
    private const string UpdateScope = """
        UPDATE staged_scopes
        SET status = @Status, error_kind = @ErrorKind, error = @Error, api_calls = @ApiCalls, duration_ms = @DurationMs,
            attempts = attempts + 1, staged_at = @StagedAt
        WHERE run_id = @RunId AND provider = @Provider AND account = @Account AND region = @Region
        RETURNING seq AS Seq, attempts AS Attempts
        """;

    private const string InsertSession = """
        INSERT INTO staged_sessions (run_id, scope_seq, seq, record_json, raw_json)
        VALUES (@RunId, @ScopeSeq, @Seq, @RecordJson, @RawJson)
        """;

    private const string DeleteScopeSessions = "DELETE FROM staged_sessions WHERE run_id = @RunId AND scope_seq = @ScopeSeq";

    // Counts a batch's first stagings of one run and reads the run's progress after them, in one round trip.
    private const string CountStaged = """
        UPDATE staged_runs SET staged = staged + @Added WHERE run_id = @RunId
        RETURNING run_id AS RunId, started_at AS StartedAt, planned AS Planned, staged AS Staged, planning AS Planning
        """;

    // Grows a planning run's plan by @Added scopes (@Failed of them staged already, the discovery failures) and says
    // where their rows start: the plan's rows are numbered 0 to planned - 1, so the new ones follow. @Planning 0 ends
    // the plan. The row is locked already (Lock), so no other plan or staging moves the count meanwhile.
    private const string GrowPlan = """
        UPDATE staged_runs SET planned = planned + @Added, staged = staged + @Failed, planning = @Planning
        WHERE run_id = @RunId AND planning = 1
        RETURNING run_id AS RunId, started_at AS StartedAt, planned AS Planned, staged AS Staged, planning AS Planning
        """;

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
            Planning = plan.Planning ? 1 : 0,
        }, cancellationToken);

        await InsertScopesAsync(connection, transaction, plan.RunId, 0, plan.Scopes, plan.Failures, plan.StartedAt, cancellationToken);
    }

    /// <summary>
    /// Adds scopes (pending) and discovery failures (staged) to a planning run's plan; <paramref name="end"/> ends the
    /// plan. Returns the progress after it, or null when the run is not open. Throws when the run's plan has ended or
    /// a scope is planned already (the unique index of a run's scopes refuses it); the caller rolls back.
    /// </summary>
    public static async Task<StagingProgress?> GrowPlanAsync(
        DbConnection connection,
        DbTransaction transaction,
        string runId,
        IReadOnlyList<Scope> scopes,
        IReadOnlyList<ScopeResult> failures,
        bool end,
        DateTimeOffset stagedAt,
        CancellationToken cancellationToken)
    {
        if (await Lock(connection, transaction, runId, cancellationToken) == 0)
        {
            return null;
        }

        var added = scopes.Count + failures.Count;
        var after = await connection.QuerySingleOrDefaultAsync<StagingReader.ProgressRow>(new CommandDefinition(
            GrowPlan,
            new { RunId = runId, Added = added, Failed = failures.Count, Planning = end ? 0 : 1 },
            transaction,
            cancellationToken: cancellationToken))
            ?? throw new InvalidOperationException($"The plan of staged run {runId} has ended: no scope can be added to it.");
        await InsertScopesAsync(connection, transaction, runId, checked((int)after.Planned - added), scopes, failures, stagedAt, cancellationToken);
        return after.ToProgress();
    }

    /// <summary>Inserts plan rows from <paramref name="firstSeq"/> on: the scopes pending, then the failures staged.</summary>
    private static async Task InsertScopesAsync(
        DbConnection connection,
        DbTransaction transaction,
        string runId,
        int firstSeq,
        IReadOnlyList<Scope> scopes,
        IReadOnlyList<ScopeResult> failures,
        DateTimeOffset stagedAt,
        CancellationToken cancellationToken)
    {
        var stored = StoredTime.Format(stagedAt);
        var pending = scopes.Select(s => ScopeResult.Ok(s, 0, TimeSpan.Zero)).Select(r => (Result: r, Staged: false));
        var failed = failures.Select(r => (Result: r, Staged: true));
        await MultiRowInsert.ExecuteAsync(connection, transaction, InsertScope, pending.Concat(failed).Select((item, i) =>
        {
            var row = ScopeRow.From(runId, firstSeq + i, item.Result);
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
                StagedAt = item.Staged ? stored : null,
            };
        }), cancellationToken);
    }

    /// <summary>
    /// Stages a batch of scopes, of one run or of several. Returns each scope's run progress right after it, as if they
    /// had been staged one by one in the order given within each run, or null for a scope whose run is not open.
    /// Throws when a scope is not part of its open run; the caller then rolls the whole batch back.
    /// </summary>
    /// <remarks>
    /// Round trips: per run, the lock and the count with the progress; per scope, one update; the sessions of the
    /// whole batch in one insert (chunked on PostgreSQL). Staged one statement at a time, each scope cost five more.
    /// </remarks>
    public static async Task<StagingProgress?[]> StageAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<ScopeStaging> scopes, DateTimeOffset stagedAt, CancellationToken cancellationToken)
    {
        var progress = new StagingProgress?[scopes.Count];
        var stored = StoredTime.Format(stagedAt);

        // A scope's sessions, by run and row: staged again within the batch, its later sessions replace the earlier.
        var sessions = new Dictionary<(string RunId, long Seq), IReadOnlyList<MirrorSession>>();

        // First a no-op update of each run's row: it says whether the run is open, and on PostgreSQL it locks that row
        // until the transaction ends, so the stagings of one run (and its commit) follow one another and the last one
        // sees every other. Taking the rows in run id order means two nodes staging scopes of the same two runs lock
        // them in the same order and never wait on each other in a cycle.
        var runs = Enumerable.Range(0, scopes.Count)
            .GroupBy(i => scopes[i].RunId, StringComparer.Ordinal)
            .OrderBy(run => run.Key, StringComparer.Ordinal);
        foreach (var run in runs)
        {
            var runId = run.Key;
            if (await Lock(connection, transaction, runId, cancellationToken) == 0)
            {
                continue;
            }

            var counted = new List<(int Index, bool First)>();
            foreach (var i in run)
            {
                var inventory = scopes[i].Inventory;
                var row = ScopeRow.From(runId, 0, inventory.Result);
                var staged = await connection.QuerySingleOrDefaultAsync<StagedScope>(new CommandDefinition(UpdateScope, new
                {
                    RunId = runId,
                    row.Provider,
                    row.Account,
                    row.Region,
                    row.Status,
                    row.ErrorKind,
                    row.Error,
                    row.ApiCalls,
                    row.DurationMs,
                    StagedAt = stored,
                }, transaction, cancellationToken: cancellationToken))
                    ?? throw new InvalidOperationException($"Scope {inventory.Result.Scope.Key} is not part of staged run {runId}.");

                // The plan stores a pending scope with no attempt: a first staging counts towards the run's progress.
                // A scope staged again (a recovered job) replaces its sessions, never adds to them.
                if (staged.Attempts > 1 && !sessions.ContainsKey((runId, staged.Seq)))
                {
                    await Execute(connection, transaction, DeleteScopeSessions, new { RunId = runId, ScopeSeq = staged.Seq }, cancellationToken);
                }

                sessions[(runId, staged.Seq)] = inventory.Sessions;
                counted.Add((i, staged.Attempts == 1));
            }

            var added = counted.Count(c => c.First);
            var after = await connection.QuerySingleAsync<StagingReader.ProgressRow>(new CommandDefinition(
                CountStaged, new { RunId = runId, Added = added }, transaction, cancellationToken: cancellationToken));
            var count = after.Staged - added;
            foreach (var (index, first) in counted)
            {
                count += first ? 1 : 0;
                progress[index] = after.ToProgress() with { Staged = checked((int)count) };
            }
        }

        await MultiRowInsert.ExecuteAsync(connection, transaction, InsertSession, sessions.SelectMany(scope => scope.Value.Select((session, i) =>
        {
            var row = SessionRow.From(scope.Key.RunId, i, session);
            return new { scope.Key.RunId, ScopeSeq = scope.Key.Seq, Seq = i, row.RecordJson, row.RawJson };
        })), cancellationToken);
        return progress;
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

    private sealed class StagedScope
    {
        public long Seq { get; init; }

        public long Attempts { get; init; }
    }

    private static Task<int> Execute(DbConnection connection, DbTransaction transaction, string sql, object? parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
}
