namespace PostureScan.Aws.Audit;

/// <summary>
/// Spaces the requests under one key (an account and region) at least 1/rate apart, so a reader stays
/// under a per-scope API limit instead of provoking throttling. Retries go through it too.
/// </summary>
internal sealed class RequestPacer(TimeProvider time, double perSecond)
{
    private readonly TimeSpan interval = TimeSpan.FromSeconds(1 / perSecond);
    private readonly Dictionary<string, DateTimeOffset> next = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public async Task WaitAsync(string key, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (gate)
        {
            var now = time.GetUtcNow();
            var slot = next.TryGetValue(key, out var reserved) && reserved > now ? reserved : now;
            next[key] = slot + interval;
            wait = slot - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
