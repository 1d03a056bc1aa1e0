using System.Data.Common;
using System.Text.Json;
using Dapper;
using PostureScan.Core.Delivery;
using PostureScan.Core.Findings;
using PostureScan.Core.Serialization;

namespace PostureScan.Storage.Outbox;

/// <summary>
/// Queues a run's delivery events inside the transaction that stores the run, one row per (sink, event) the
/// sink subscribes to; and moves rows between states. Named parameters only.
/// </summary>
internal static class OutboxWriter
{
    private const string Insert = """
        INSERT INTO delivery_outbox (sink, idempotency_key, run_id, kind, severity, state, attempts, queued_at, payload_json)
        VALUES (@Sink, @IdempotencyKey, @RunId, @Kind, @Severity, 'pending', 0, @QueuedAt, @PayloadJson)
        """;

    private const string Attempt = """
        UPDATE delivery_outbox SET attempts = attempts + 1, last_attempt_at = @At, last_error = COALESCE(@Error, last_error)
        WHERE id = @Id AND state = 'pending'
        """;

    private const string Delivered = """
        UPDATE delivery_outbox SET state = 'delivered', delivered_at = @At, last_error = NULL
        WHERE id = @Id AND state = 'pending'
        """;

    private const string Dead = """
        UPDATE delivery_outbox SET state = 'dead', last_error = @Reason, last_attempt_at = @At
        WHERE id = @Id AND state = 'pending'
        """;

    // A dead letter queued again keeps its id, and so its place in its sink's order: it goes before anything
    // queued after it. Its tries start again from zero. One statement per filter, each a constant.
    private const string Retry = "UPDATE delivery_outbox SET state = 'pending', attempts = 0 WHERE state = 'dead'";

    public static async Task QueueAsync(
        DbConnection connection, DbTransaction transaction, OutboxRoute route, IReadOnlyList<DeliveryEvent> events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = new List<object>();
        foreach (var (sink, subscription) in route.Sinks)
        {
            foreach (var e in events.Where(subscription.Accepts))
            {
                rows.Add(new
                {
                    Sink = sink,
                    e.IdempotencyKey,
                    RunId = e.RunId,
                    Kind = StoredEnum<DeliveryEventKind>.Name(e.Kind),
                    Severity = StoredEnum<Severity>.Name(e.Severity),
                    QueuedAt = StoredTime.Format(now),
                    PayloadJson = StoredText.Of(JsonSerializer.Serialize(e, PostureJson.Options)),
                });
            }
        }

        await connection.ExecuteAsync(new CommandDefinition(Insert, rows, transaction, cancellationToken: cancellationToken));
    }

    // One statement per row, re-bound by Dapper: "IN @list" is expanded for SQLite but sent as an array to
    // PostgreSQL, so the portable form is a row at a time (a batch is at most a few hundred rows).
    public static Task<int> AttemptAsync(DbConnection c, DbTransaction t, IReadOnlyList<long> ids, DateTimeOffset at, string? error, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            Attempt, ids.Select(id => new { Id = id, At = StoredTime.Format(at), Error = StoredText.OfNullable(error) }), t, cancellationToken: ct));

    public static Task<int> DeliveredAsync(DbConnection c, DbTransaction t, IReadOnlyList<long> ids, DateTimeOffset at, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(Delivered, ids.Select(id => new { Id = id, At = StoredTime.Format(at) }), t, cancellationToken: ct));

    public static Task<int> DeadAsync(DbConnection c, DbTransaction t, IReadOnlyList<long> ids, string reason, DateTimeOffset at, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(
            Dead, ids.Select(id => new { Id = id, Reason = StoredText.Of(reason), At = StoredTime.Format(at) }), t, cancellationToken: ct));

    public static Task<int> RetryAsync(DbConnection c, DbTransaction t, string? sink, long? id, CancellationToken ct)
    {
        var sql = Retry + (sink is null ? "" : " AND sink = @Sink") + (id is null ? "" : " AND id = @Id");
        return c.ExecuteAsync(new CommandDefinition(sql, new { Sink = sink, Id = id ?? 0 }, t, cancellationToken: ct));
    }
}
