namespace PostureScan.Hosting;

/// <summary>
/// The "Delivery" configuration section: the outbox's retry policy and the sinks. Each sink is a section of
/// <c>Delivery:Sinks</c> with a Name, a Type (see <see cref="DeliverySinkFactory"/>) and that type's fields.
/// </summary>
internal sealed class DeliverySettings
{
    public const string Section = "Delivery";

    /// <summary>Tries per outbox row (the first send included) before it becomes a dead letter.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry's delay; each next one doubles it, with jitter, up to <see cref="MaxDelaySeconds"/>.</summary>
    public int BaseDelayMs { get; set; } = 2000;

    /// <summary>The longest wait between two tries, a receiver's Retry-After included.</summary>
    public int MaxDelaySeconds { get; set; } = 300;

    /// <summary>Per-request timeout of a sink's HTTP call.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>How long <c>scan</c> keeps delivering after storing the run; what is left stays queued for the next try.</summary>
    public int ScanWaitSeconds { get; set; } = 60;

    /// <summary>How often <c>serve</c> drains the outbox.</summary>
    public int IntervalSeconds { get; set; } = 30;

    public List<DeliverySinkSettings> Sinks { get; set; } = [];
}
