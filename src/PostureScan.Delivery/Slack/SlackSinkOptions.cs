using PostureScan.Core.Delivery;

namespace PostureScan.Delivery.Slack;

/// <summary>
/// A Slack incoming webhook. The <see cref="WebhookUrl"/> is the credential: it comes from an environment
/// variable and is never shown. The sink takes run summaries only.
/// </summary>
public sealed record SlackSinkOptions
{
    public required string Name { get; init; }

    public required Uri WebhookUrl { get; init; }

    public required SinkSubscription Subscription { get; init; }

    /// <summary>How many of the run's top new findings the message lists.</summary>
    public int MaxFindings { get; init; } = 5;

    /// <summary>The most characters of message text (Slack cuts a section's text at 3,000).</summary>
    public int MaxTextLength { get; init; } = 3000;
}
