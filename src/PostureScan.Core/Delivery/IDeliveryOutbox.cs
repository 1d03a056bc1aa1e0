namespace PostureScan.Core.Delivery;

/// <summary>
/// The durable outbox in the store. Rows are queued with their run (see <see cref="OutboxRoute"/>); the
/// dispatcher reads a sink's oldest pending rows, counts each try before it is made (so a crash mid-send
/// still counts), and marks the rows delivered or dead.
/// </summary>
public interface IDeliveryOutbox
{
    /// <summary>The sink's oldest pending rows, at most <paramref name="limit"/>, oldest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> GetPendingAsync(string sink, int limit, CancellationToken cancellationToken);

    /// <summary>Counts one more try of each row, at <paramref name="at"/>.</summary>
    Task RecordAttemptAsync(IReadOnlyList<long> ids, DateTimeOffset at, string? lastError, CancellationToken cancellationToken);

    Task MarkDeliveredAsync(IReadOnlyList<long> ids, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Moves pending rows to the dead letters with a secret-free reason.</summary>
    Task MarkDeadAsync(IReadOnlyList<long> ids, string reason, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Rows, oldest first, optionally of one state and one sink.</summary>
    Task<IReadOnlyList<OutboxEntry>> ListOutboxAsync(OutboxState? state, string? sink, CancellationToken cancellationToken);

    /// <summary>Queues dead letters again with their tries reset: one by id, or all of one sink, or all. Returns how many.</summary>
    Task<int> RetryDeadAsync(string? sink, long? id, CancellationToken cancellationToken);
}
