using PostureScan.Core.Scanning;

namespace PostureScan.Serve;

/// <summary>
/// Builds the inventory sources of each scheduled run. Every job of one run on this node shares one set:
/// one role assumption per account, one connection pool and one limit of requests in flight (Aws:MaxConcurrency),
/// rather than one of each per account job. A new run gets new sources, so credentials and clients are never
/// older than one run; the run before keeps its own until the one after begins, so that a late account job of
/// it is not cut off mid-call.
/// </summary>
internal sealed class InventorySourceFactory(Func<IReadOnlyList<IInventorySource>> create)
{
    private readonly Lock gate = new();
    private (string RunId, IReadOnlyList<IInventorySource> Sources)? current;
    private (string RunId, IReadOnlyList<IInventorySource> Sources)? previous;

    /// <summary>Fresh sources of no run (validation at start).</summary>
    public IReadOnlyList<IInventorySource> Create() => create();

    /// <summary>The sources of <paramref name="runId"/> on this node, built on first use.</summary>
    public IReadOnlyList<IInventorySource> ForRun(string runId)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        IReadOnlyList<IInventorySource>? retired = null;
        IReadOnlyList<IInventorySource> sources;
        lock (gate)
        {
            if (current is { } c && c.RunId == runId)
            {
                return c.Sources;
            }

            if (previous is { } p && p.RunId == runId)
            {
                return p.Sources;
            }

            retired = previous?.Sources;
            previous = current;
            sources = create();
            current = (runId, sources);
        }

        foreach (var source in retired ?? [])
        {
            (source as IDisposable)?.Dispose();
        }

        return sources;
    }
}
