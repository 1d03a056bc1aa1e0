namespace PostureScan.Core.Delivery;

/// <summary>One queued (sink, event) pair. <see cref="Id"/> rises with queue order, which is delivery order per sink.</summary>
public sealed record OutboxEntry(
    long Id,
    string Sink,
    OutboxState State,
    int Attempts,
    DateTimeOffset QueuedAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? DeliveredAt,
    string? LastError,
    DeliveryEvent Event);
