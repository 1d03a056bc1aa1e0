using PostureScan.Core.Scanning;

namespace PostureScan.Serve;

/// <summary>
/// The gauges about the latest stored run, read from the store rather than remembered by this node: in
/// cluster mode another node may have committed it. One read serves every scrape for <see cref="MaxAge"/>,
/// so scrapes from several Prometheus servers cost the database two small queries every few seconds at most.
/// </summary>
internal sealed class LatestRunGauges(IRunStore store, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private Task<LatestRuns>? read;
    private long readAt;

    public Task<LatestRuns> ReadAsync(CancellationToken cancellationToken)
    {
        Task<LatestRuns> current;
        lock (gate)
        {
            // A failed read is not kept: the next scrape asks again.
            if (read is null || read.IsFaulted || read.IsCanceled || time.GetElapsedTime(readAt) >= MaxAge)
            {
                // Shared by the scrapes that come while it runs, so one scrape's cancellation must not end it.
                read = store.GetLatestRunsAsync(CancellationToken.None);
                readAt = time.GetTimestamp();
            }

            current = read;
        }

        return current.WaitAsync(cancellationToken);
    }

    /// <summary>This node stored a run: the next scrape reads it, without waiting out the cached read.</summary>
    public void Invalidate()
    {
        lock (gate)
        {
            read = null;
        }
    }
}
