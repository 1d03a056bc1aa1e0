namespace PostureScan.Core.Delivery;

/// <summary>
/// What the receiver answered. <see cref="RetryAfter"/> is the receiver's Retry-After, when it sent one;
/// <see cref="Reason"/> is a short, secret-free description kept with a dead letter.
/// </summary>
public sealed record SinkResponse(int StatusCode, TimeSpan? RetryAfter = null, string? Reason = null)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>429 and 5xx are worth another try; any other failure will fail the same way again.</summary>
    public bool IsRetryable => StatusCode is 429 or 408 or >= 500;
}
