using System.Data.Common;
using System.Text.Json;
using Dapper;
using PostureScan.Core.Findings;
using PostureScan.Core.Serialization;
using PostureScan.Storage.Rows;

namespace PostureScan.Storage;

/// <summary>Writes and reads a run's policy evaluation inside the caller's transaction, with named parameters only.</summary>
internal static class EvaluationStore
{
    private const string InsertEvaluation = """
        INSERT INTO policy_evaluations (run_id, policy, evaluated_at, not_evaluated)
        VALUES (@RunId, @Policy, @EvaluatedAt, @NotEvaluated)
        """;

    private const string InsertFinding = """
        INSERT INTO findings (run_id, seq, id, check_id, severity, status, resource_id, provider, account, region, first_seen, last_seen, record_json)
        VALUES (@RunId, @Seq, @Id, @CheckId, @Severity, @Status, @ResourceId, @Provider, @Account, @Region, @FirstSeen, @LastSeen, @RecordJson)
        """;

    private const string SelectEvaluation = """
        SELECT run_id AS RunId, policy AS Policy, evaluated_at AS EvaluatedAt, not_evaluated AS NotEvaluated
        FROM policy_evaluations WHERE run_id = @RunId
        """;

    private const string SelectFindings = "SELECT record_json FROM findings WHERE run_id = @RunId ORDER BY seq";

    private const string SelectLatestId = """
        SELECT e.run_id FROM policy_evaluations e JOIN scan_runs r ON r.id = e.run_id
        ORDER BY r.started_at DESC, r.id DESC LIMIT 1
        """;

    // The run's findings are found by the primary key's prefix; only the active ones (Finding.IsActive) are counted.
    private const string SelectLatestActiveBySeverity = $"""
        SELECT severity AS Severity, COUNT(*) AS Count FROM findings
        WHERE run_id = ({SelectLatestId}) AND status IN (@New, @Open)
        GROUP BY severity
        """;

    public static async Task InsertAsync(
        DbConnection connection, DbTransaction transaction, PolicyEvaluation evaluation, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            InsertEvaluation,
            new EvaluationRow
            {
                RunId = evaluation.RunId,
                Policy = StoredText.Of(evaluation.Policy),
                EvaluatedAt = StoredTime.Format(evaluation.EvaluatedAt),
                NotEvaluated = JsonSerializer.Serialize(evaluation.NotEvaluated, PostureJson.Options),
            },
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            InsertFinding,
            evaluation.Findings.Select((finding, i) => FindingRow.From(evaluation.RunId, i, finding)),
            transaction,
            cancellationToken: cancellationToken));
    }

    public static async Task<PolicyEvaluation?> ReadAsync(
        DbConnection connection, DbTransaction transaction, string runId, CancellationToken cancellationToken)
    {
        var parameters = new { RunId = runId };
        var row = await connection.QuerySingleOrDefaultAsync<EvaluationRow>(
            new CommandDefinition(SelectEvaluation, parameters, transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var findings = await connection.QueryAsync<string>(
            new CommandDefinition(SelectFindings, parameters, transaction, cancellationToken: cancellationToken));
        return new PolicyEvaluation(
            row.RunId,
            row.Policy,
            StoredTime.Parse(row.EvaluatedAt),
            [.. findings.Select(FindingRow.ToFinding)],
            JsonSerializer.Deserialize<UnevaluatedCheck[]>(row.NotEvaluated, PostureJson.Options) ?? []);
    }

    public static Task<string?> LatestIdAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<string?>(
            new CommandDefinition(SelectLatestId, transaction: transaction, cancellationToken: cancellationToken));

    /// <summary>The active findings of the latest evaluated run by severity, every severity present (zero before any evaluation).</summary>
    public static async Task<IReadOnlyDictionary<Severity, int>> LatestActiveBySeverityAsync(
        DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<SeverityCountRow>(new CommandDefinition(
            SelectLatestActiveBySeverity,
            new { New = StoredEnum<FindingStatus>.Name(FindingStatus.New), Open = StoredEnum<FindingStatus>.Name(FindingStatus.Open) },
            transaction,
            cancellationToken: cancellationToken));
        var counts = rows.ToDictionary(r => StoredEnum<Severity>.Parse(r.Severity), r => checked((int)r.Count));
        return Enum.GetValues<Severity>().ToDictionary(s => s, s => counts.GetValueOrDefault(s));
    }

    private sealed class SeverityCountRow
    {
        public string Severity { get; init; } = "";

        public long Count { get; init; }
    }

    private sealed class EvaluationRow
    {
        public string RunId { get; init; } = "";

        public string Policy { get; init; } = "";

        public string EvaluatedAt { get; init; } = "";

        public string NotEvaluated { get; init; } = "[]";
    }
}
