namespace PostureScan.Core.Delivery;

/// <summary>Where an outbox row stands.</summary>
public enum OutboxState
{
    /// <summary>Queued, not yet acknowledged by the sink (tried or not).</summary>
    Pending,

    /// <summary>The sink answered 2xx.</summary>
    Delivered,

    /// <summary>Given up on after the bounded tries, or refused for good; <c>outbox retry</c> queues it again.</summary>
    Dead,
}
