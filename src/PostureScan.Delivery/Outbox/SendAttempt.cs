using PostureScan.Core.Delivery;

namespace PostureScan.Delivery.Outbox;

/// <summary>One try of one batch: the sink's answer, or the exception its transport threw.</summary>
internal sealed record SendAttempt(SinkResponse? Response, Exception? Error)
{
    /// <summary>
    /// Worth another try: 408, 429 and 5xx, and transport failures (refused or reset connections, timeouts).
    /// Any other exception is a bug or a refusal that will recur, and dead-letters at once.
    /// </summary>
    public bool IsTransient => Response?.IsRetryable
        ?? Error is HttpRequestException or IOException or TimeoutException or OperationCanceledException;

    public bool Succeeded => Response?.Succeeded == true;
}
