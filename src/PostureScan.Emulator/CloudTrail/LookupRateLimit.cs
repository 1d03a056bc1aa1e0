namespace PostureScan.Emulator.CloudTrail;

/// <summary>
/// CloudTrail's own limit on LookupEvents: two requests per second per account and region, as a token
/// bucket of two that refills at two tokens a second. A call beyond it is throttled whatever the world says.
/// </summary>
internal sealed class LookupRateLimit(TimeProvider time, double perSecond = 2, double burst = 2)
{
    private readonly Dictionary<string, (double Tokens, long Stamp)> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public bool TryTake(string scopeKey)
    {
        var now = time.GetTimestamp();
        lock (_lock)
        {
            var (tokens, stamp) = _buckets.TryGetValue(scopeKey, out var bucket) ? bucket : (burst, now);
            tokens = Math.Min(burst, tokens + (time.GetElapsedTime(stamp, now).TotalSeconds * perSecond));
            var allowed = tokens >= 1;
            _buckets[scopeKey] = (allowed ? tokens - 1 : tokens, now);
            return allowed;
        }
    }
}
