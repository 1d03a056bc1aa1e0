using System.Data.Common;
using System.Text.Json;
using Dapper;
using PostureScan.Core.Attribution;
using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Ingestion;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Serialization;
using PostureScan.Storage.Rows;

namespace PostureScan.Storage;

/// <summary>Reads audit events, checkpoints, coverage and a run's attributions inside the caller's transaction.</summary>
internal static class AuditReader
{
    private const string SelectCheckpoints = """
        SELECT key AS Key, position AS Position, newest_event_time AS NewestEventTime
        FROM audit_checkpoints WHERE source = @Source ORDER BY key
        """;

    private const string SelectEvents = "SELECT record_json FROM audit_events ORDER BY time, event_key";

    private const string SelectCoverage = """
        SELECT source AS Source, provider AS Provider, account AS Account, region AS Region,
               window_start AS WindowStart, window_end AS WindowEnd
        FROM audit_coverage ORDER BY source, provider, account, region
        """;

    private const string SelectSourceRuns = """
        SELECT run_id AS RunId, seq AS Seq, source AS Source, provider AS Provider, account AS Account, region AS Region,
               status AS Status, failure_kind AS FailureKind, failure AS Failure, window_start AS WindowStart, window_end AS WindowEnd,
               records AS Records, matched AS Matched, malformed AS Malformed, stored AS Stored
        FROM audit_source_runs WHERE run_id = @RunId ORDER BY seq
        """;

    private const string SelectAttributions = "SELECT record_json FROM session_attributions WHERE run_id = @RunId ORDER BY seq";

    private const string SelectEvidence = """
        SELECT deleted_mirrors AS DeletedMirrors, failed_attempts AS FailedAttempts, scopes AS Scopes
        FROM audit_run_evidence WHERE run_id = @RunId
        """;

    public static async Task<IReadOnlyList<AuditCheckpoint>> CheckpointsAsync(
        DbConnection connection, DbTransaction transaction, string source, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<CheckpointRow>(
            new CommandDefinition(SelectCheckpoints, new { Source = source }, transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new AuditCheckpoint(r.Key, r.Position, r.NewestEventTime is null ? null : StoredTime.Parse(r.NewestEventTime)))];
    }

    public static async Task<IReadOnlyList<AuditEvent>> EventsAsync(
        DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var events = new List<AuditEvent>();
        await using var reader = await connection.ExecuteReaderAsync(
            new CommandDefinition(SelectEvents, transaction: transaction, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(AuditEventRow.ToEvent(reader.GetString(0)));
        }

        return events;
    }

    public static async Task<IReadOnlyList<AuditCoverageWindow>> CoverageAsync(
        DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<CoverageRow>(
            new CommandDefinition(SelectCoverage, transaction: transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new AuditCoverageWindow(
            r.Source,
            new Scope(r.Provider, r.Account, r.Region),
            new AuditWindow(StoredTime.Parse(r.WindowStart), StoredTime.Parse(r.WindowEnd))))];
    }

    public static async Task<StoredAuditRun?> RunAsync(
        DbConnection connection, DbTransaction transaction, string runId, CancellationToken cancellationToken)
    {
        var parameters = new { RunId = runId };
        var evidence = await connection.QuerySingleOrDefaultAsync<EvidenceRow>(
            new CommandDefinition(SelectEvidence, parameters, transaction, cancellationToken: cancellationToken));
        if (evidence is null)
        {
            return null;
        }

        var sources = await connection.QueryAsync<SourceRunRow>(
            new CommandDefinition(SelectSourceRuns, parameters, transaction, cancellationToken: cancellationToken));
        var sessions = await connection.QueryAsync<string>(
            new CommandDefinition(SelectAttributions, parameters, transaction, cancellationToken: cancellationToken));
        var report = new AttributionReport(
            [.. sessions.Select(json => Parse<SessionAttribution>(json).WithRefusedApart())],
            Parse<MirrorLifetime[]>(evidence.DeletedMirrors),
            Parse<FailedMirrorAttempt[]>(evidence.FailedAttempts),
            Parse<AuditScopeStatus[]>(evidence.Scopes));
        return new StoredAuditRun(runId, [.. sources.Select(s => s.ToStatus())], report);
    }

    private static T Parse<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, PostureJson.Options) ?? throw new InvalidDataException($"The store holds an empty {typeof(T).Name}.");

    private sealed class CheckpointRow
    {
        public string Key { get; init; } = "";

        public string Position { get; init; } = "";

        public string? NewestEventTime { get; init; }
    }

    private sealed class CoverageRow
    {
        public string Source { get; init; } = "";

        public string Provider { get; init; } = "";

        public string Account { get; init; } = "";

        public string Region { get; init; } = "";

        public string WindowStart { get; init; } = "";

        public string WindowEnd { get; init; } = "";
    }

    private sealed class EvidenceRow
    {
        public string DeletedMirrors { get; init; } = "[]";

        public string FailedAttempts { get; init; } = "[]";

        public string Scopes { get; init; } = "[]";
    }
}
