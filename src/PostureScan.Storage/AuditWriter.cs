using System.Data.Common;
using System.Text.Json;
using Dapper;
using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Ingestion;
using PostureScan.Core.Serialization;
using PostureScan.Storage.Rows;

namespace PostureScan.Storage;

/// <summary>
/// Writes the audit side of a run inside the caller's transaction: new events (an event already stored is
/// left as it is), checkpoints, widened coverage, what each source read, and the attributions.
/// </summary>
internal static class AuditWriter
{
    private const string InsertEvent = """
        INSERT INTO audit_events (event_key, platform, time, event_name, action, outcome, actor, source_ip, account, region, source, first_run_id, record_json)
        VALUES (@EventKey, @Platform, @Time, @EventName, @Action, @Outcome, @Actor, @SourceIp, @Account, @Region, @Source, @FirstRunId, @RecordJson)
        ON CONFLICT (event_key) DO NOTHING
        """;

    private const string UpsertCheckpoint = """
        INSERT INTO audit_checkpoints (source, key, position, newest_event_time, run_id)
        VALUES (@Source, @Key, @Position, @NewestEventTime, @RunId)
        ON CONFLICT (source, key) DO UPDATE SET
            position = excluded.position,
            newest_event_time = COALESCE(excluded.newest_event_time, audit_checkpoints.newest_event_time),
            run_id = excluded.run_id
        """;

    private const string UpsertCoverage = """
        INSERT INTO audit_coverage (source, provider, account, region, window_start, window_end)
        VALUES (@Source, @Provider, @Account, @Region, @WindowStart, @WindowEnd)
        ON CONFLICT (source, provider, account, region) DO UPDATE SET
            window_start = CASE WHEN excluded.window_start < audit_coverage.window_start THEN excluded.window_start ELSE audit_coverage.window_start END,
            window_end = CASE WHEN excluded.window_end > audit_coverage.window_end THEN excluded.window_end ELSE audit_coverage.window_end END
        """;

    private const string InsertSourceRun = """
        INSERT INTO audit_source_runs (run_id, seq, source, provider, account, region, status, failure_kind, failure, window_start, window_end, records, matched, malformed, stored)
        VALUES (@RunId, @Seq, @Source, @Provider, @Account, @Region, @Status, @FailureKind, @Failure, @WindowStart, @WindowEnd, @Records, @Matched, @Malformed, @Stored)
        """;

    private const string InsertAttribution = """
        INSERT INTO session_attributions (run_id, seq, session_id, provider, account, region, state, actor, source_ip, created_at, record_json)
        VALUES (@RunId, @Seq, @SessionId, @Provider, @Account, @Region, @State, @Actor, @SourceIp, @CreatedAt, @RecordJson)
        """;

    private const string InsertEvidence = """
        INSERT INTO audit_run_evidence (run_id, deleted_mirrors, failed_attempts, scopes)
        VALUES (@RunId, @DeletedMirrors, @FailedAttempts, @Scopes)
        """;

    public static async Task InsertAsync(
        DbConnection connection, DbTransaction transaction, string runId, AuditRunRecord audit, CancellationToken cancellationToken)
    {
        Task Run(string sql, object? rows) =>
            connection.ExecuteAsync(new CommandDefinition(sql, rows, transaction, cancellationToken: cancellationToken));

        await InsertReadAsync(connection, transaction, runId, audit.NewEvents, audit.Checkpoints, audit.Sources, cancellationToken);
        await Run(InsertSourceRun, audit.Sources.Select((s, i) => SourceRunRow.From(runId, i, s)));
        await Run(InsertAttribution, audit.Report.Sessions.Select((s, i) => new
        {
            RunId = runId,
            Seq = i,
            SessionId = StoredText.Of(s.SessionId),
            Provider = StoredText.Of(s.Scope.Provider),
            Account = StoredText.Of(s.Scope.Account),
            Region = StoredText.Of(s.Scope.Region),
            State = StoredEnum<Core.Attribution.AttributionState>.Name(s.Session.State),
            Actor = StoredText.OfNullable(s.Session.Actor),
            SourceIp = StoredText.OfNullable(s.Session.SourceIp),
            CreatedAt = s.Session.CreatedAt is { } t ? StoredTime.Format(t) : null,
            RecordJson = JsonSerializer.Serialize(s, PostureJson.Options),
        }));
        await Run(InsertEvidence, new
        {
            RunId = runId,
            DeletedMirrors = JsonSerializer.Serialize(audit.Report.DeletedMirrors, PostureJson.Options),
            FailedAttempts = JsonSerializer.Serialize(audit.Report.FailedAttempts, PostureJson.Options),
            Scopes = JsonSerializer.Serialize(audit.Report.Scopes, PostureJson.Options),
        });
    }

    /// <summary>What a read of the audit sources leaves behind, with or without a run: events, checkpoints, coverage.</summary>
    public static async Task InsertReadAsync(
        DbConnection connection,
        DbTransaction transaction,
        string readId,
        IReadOnlyList<StoredAuditEvent> newEvents,
        IReadOnlyList<SourceCheckpoint> checkpoints,
        IReadOnlyList<AuditSourceStatus> sources,
        CancellationToken cancellationToken)
    {
        Task Run(string sql, object? rows) =>
            connection.ExecuteAsync(new CommandDefinition(sql, rows, transaction, cancellationToken: cancellationToken));

        await Run(InsertEvent, newEvents.Select(e => AuditEventRow.From(readId, e)));
        await Run(UpsertCheckpoint, checkpoints.Select(c => new
        {
            Source = StoredText.Of(c.Source),
            Key = StoredText.Of(c.Checkpoint.Key),
            Position = StoredText.Of(c.Checkpoint.Position),
            NewestEventTime = c.Checkpoint.NewestEventTime is { } t ? StoredTime.Format(t) : null,
            RunId = readId,
        }));
        await Run(UpsertCoverage, sources
            .Where(s => s.Succeeded && s.Scope is not null && s.Window is not null)
            .Select(s => new
            {
                Source = StoredText.Of(s.Source),
                Provider = StoredText.Of(s.Scope!.Provider),
                Account = StoredText.Of(s.Scope.Account),
                Region = StoredText.Of(s.Scope.Region),
                WindowStart = StoredTime.Format(s.Window!.Oldest),
                WindowEnd = StoredTime.Format(s.Window.Newest),
            }));
    }
}
