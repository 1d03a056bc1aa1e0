using System.Data.Common;
using PostureScan.Core.Audit.Ingestion;
using PostureScan.Core.Delivery;
using PostureScan.Core.Findings;
using PostureScan.Core.Scanning;
using PostureScan.Storage.Outbox;

namespace PostureScan.Storage;

/// <summary>
/// The delivery outbox (a part of its own because it is a contract of its own). With a route set, every run
/// stored queues its events for the route's sinks in the run's own transaction.
/// </summary>
public abstract partial class RunStore : IDeliveryOutbox
{
    /// <summary>The sinks that stored runs queue events for; null queues nothing.</summary>
    public OutboxRoute? DeliveryRoute { get; set; }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxEntry>> GetPendingAsync(string sink, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return ReadAsync((c, t, ct) => OutboxReader.PendingAsync(c, t, sink, limit, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxEntry>> ListOutboxAsync(OutboxState? state, string? sink, CancellationToken cancellationToken) =>
        ReadAsync((c, t, ct) => OutboxReader.ListAsync(c, t, state, sink, ct), cancellationToken);

    /// <inheritdoc />
    public Task RecordAttemptAsync(IReadOnlyList<long> ids, DateTimeOffset at, string? lastError, CancellationToken cancellationToken) =>
        WriteAsync((c, t, ct) => OutboxWriter.AttemptAsync(c, t, ids, at, lastError, ct), cancellationToken);

    /// <inheritdoc />
    public Task MarkDeliveredAsync(IReadOnlyList<long> ids, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync((c, t, ct) => OutboxWriter.DeliveredAsync(c, t, ids, at, ct), cancellationToken);

    /// <inheritdoc />
    public Task MarkDeadAsync(IReadOnlyList<long> ids, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync((c, t, ct) => OutboxWriter.DeadAsync(c, t, ids, reason, at, ct), cancellationToken);

    /// <inheritdoc />
    public Task<int> RetryDeadAsync(string? sink, long? id, CancellationToken cancellationToken) =>
        WriteAsync((c, t, ct) => OutboxWriter.RetryAsync(c, t, sink, id, ct), cancellationToken);

    /// <summary>Queues the run's events for the route's sinks, inside the transaction that stores the run.</summary>
    private protected async Task QueueDeliveriesAsync(
        DbConnection connection, DbTransaction transaction, ScanRun run, PolicyEvaluation? evaluation, AuditRunRecord? audit, CancellationToken cancellationToken)
    {
        if (DeliveryRoute is not { Sinks.Count: > 0 } route)
        {
            return;
        }

        var events = DeliveryEventBuilder.Build(run, evaluation, audit?.Report, route.ReportPath);
        await OutboxWriter.QueueAsync(connection, transaction, route, events, Clock.GetUtcNow(), cancellationToken);
    }

    private async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var result = await write(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
