namespace PostureScan.Delivery.Outbox;

/// <summary>What one pass did for one sink. <see cref="Error"/> (secret-free) when the pass stopped on a store failure.</summary>
public sealed record SinkDrainResult(string Sink, int Delivered, int DeadLettered, bool Stopped, string? Error = null);
