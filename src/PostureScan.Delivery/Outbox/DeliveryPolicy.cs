namespace PostureScan.Delivery.Outbox;

/// <summary>
/// How hard the dispatcher tries: <see cref="MaxAttempts"/> sends per row (counted across restarts) before it
/// becomes a dead letter, exponential backoff with jitter from <see cref="BaseDelay"/>, no wait (a receiver's
/// Retry-After included) longer than <see cref="MaxDelay"/>.
/// </summary>
public sealed record DeliveryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public static DeliveryPolicy Default { get; } = new(8, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5));

    public DeliveryPolicy Validated()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxAttempts, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseDelay, TimeSpan.FromMilliseconds(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, BaseDelay);
        return this;
    }
}
