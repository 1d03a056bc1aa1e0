using PostureScan.Core.Delivery;

namespace PostureScan.Delivery.Splunk;

/// <summary>
/// A Splunk HTTP Event Collector. <see cref="Token"/> is the HEC token (sent as
/// <c>Authorization: Splunk &lt;token&gt;</c>): it comes from an environment variable and is never shown.
/// </summary>
public sealed record SplunkHecSinkOptions
{
    public required string Name { get; init; }

    /// <summary>The collector's base address, e.g. https://splunk.example:8088/ (events go to services/collector/event under it).</summary>
    public required Uri BaseUrl { get; init; }

    public required string Token { get; init; }

    public required SinkSubscription Subscription { get; init; }

    /// <summary>The index to write to; null leaves it to the token's default index.</summary>
    public string? Index { get; init; }

    public string Source { get; init; } = "posturescan";

    public string SourceType { get; init; } = "posturescan:event";

    public string Host { get; init; } = "posturescan";

    public int MaxBatchSize { get; init; } = 100;

    /// <summary>The most bytes in one request body; a larger batch is split (HEC's max_content_length is often 1 MB).</summary>
    public int MaxBodyBytes { get; init; } = 1_000_000;
}
