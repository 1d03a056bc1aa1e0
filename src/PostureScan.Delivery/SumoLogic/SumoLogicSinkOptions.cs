using PostureScan.Core.Delivery;

namespace PostureScan.Delivery.SumoLogic;

/// <summary>
/// A Sumo Logic HTTP Logs and Metrics source. The <see cref="Url"/> is the credential (its last path
/// segment is the source's token): it comes from an environment variable and is never shown.
/// The three metadata fields become X-Sumo-Category, X-Sumo-Name and X-Sumo-Host.
/// </summary>
public sealed record SumoLogicSinkOptions
{
    public required string Name { get; init; }

    public required Uri Url { get; init; }

    public required SinkSubscription Subscription { get; init; }

    /// <summary>The source category that searches select on, e.g. <c>_sourceCategory=security/posturescan</c>.</summary>
    public string Category { get; init; } = "security/posturescan";

    public string SourceName { get; init; } = "posturescan";

    public string SourceHost { get; init; } = "posturescan";

    /// <summary>The most events the outbox hands over in one batch.</summary>
    public int MaxBatchSize { get; init; } = 100;

    /// <summary>The most bytes in one request body; a larger batch is split (Sumo Logic recommends at most 1 MB).</summary>
    public int MaxBodyBytes { get; init; } = 1_000_000;
}
