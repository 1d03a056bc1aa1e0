using System.Data.Common;
using System.Text.Json;
using Dapper;
using PostureScan.Core.Delivery;
using PostureScan.Core.Serialization;

namespace PostureScan.Storage.Outbox;

/// <summary>Reads outbox rows, oldest first.</summary>
internal static class OutboxReader
{
    private const string Columns = """
        SELECT id AS Id, sink AS Sink, state AS State, attempts AS Attempts, queued_at AS QueuedAt,
               last_attempt_at AS LastAttemptAt, delivered_at AS DeliveredAt, last_error AS LastError, payload_json AS PayloadJson
        FROM delivery_outbox
        """;

    private const string Pending = Columns + " WHERE sink = @Sink AND state = 'pending' ORDER BY id LIMIT @Limit";

    private const string Filtered = Columns + " WHERE (@State IS NULL OR state = @State) AND (@Sink IS NULL OR sink = @Sink) ORDER BY id";

    public static async Task<IReadOnlyList<OutboxEntry>> PendingAsync(DbConnection c, DbTransaction t, string sink, int limit, CancellationToken ct) =>
        [.. (await c.QueryAsync<Row>(new CommandDefinition(Pending, new { Sink = sink, Limit = (long)limit }, t, cancellationToken: ct))).Select(ToEntry)];

    public static async Task<IReadOnlyList<OutboxEntry>> ListAsync(DbConnection c, DbTransaction t, OutboxState? state, string? sink, CancellationToken ct) =>
        [.. (await c.QueryAsync<Row>(new CommandDefinition(
            Filtered, new { State = StoredEnum<OutboxState>.Name(state), Sink = sink }, t, cancellationToken: ct))).Select(ToEntry)];

    private static OutboxEntry ToEntry(Row r) => new(
        r.Id,
        r.Sink,
        StoredEnum<OutboxState>.Parse(r.State),
        checked((int)r.Attempts),
        StoredTime.Parse(r.QueuedAt),
        r.LastAttemptAt is null ? null : StoredTime.Parse(r.LastAttemptAt),
        r.DeliveredAt is null ? null : StoredTime.Parse(r.DeliveredAt),
        r.LastError,
        JsonSerializer.Deserialize<DeliveryEvent>(r.PayloadJson, PostureJson.Options)
            ?? throw new InvalidDataException($"Outbox row {r.Id} holds no event."));

    private sealed class Row
    {
        public long Id { get; init; }

        public string Sink { get; init; } = "";

        public string State { get; init; } = "";

        public long Attempts { get; init; }

        public string QueuedAt { get; init; } = "";

        public string? LastAttemptAt { get; init; }

        public string? DeliveredAt { get; init; }

        public string? LastError { get; init; }

        public string PayloadJson { get; init; } = "";
    }
}
