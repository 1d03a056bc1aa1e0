using PostureScan.Core.Scanning;

namespace PostureScan.Serve;

/// <summary>
/// Group commit of this node's scope stagings. A scope that finishes while another staging of this node is
/// being written waits for it, and the next writer stages every scope queued by then in one transaction. A run's
/// stagings take turns on its row (so that exactly one sees the run complete), and in cluster mode each turn is a
/// round trip to the shared database: with scopes finishing by the dozen, one turn for many keeps the run from
/// queueing on that row. Nothing waits for company: a staging alone is written at once.
/// </summary>
internal sealed class StagingQueue(ServeStore store) : IDisposable
{
    /// <summary>The most scopes in one transaction; a larger backlog is written in several.</summary>
    internal const int MaxBatch = 64;

    private readonly Lock gate = new();
    private readonly List<Pending> queued = [];
    private readonly SemaphoreSlim writer = new(1, 1);

    /// <summary>
    /// Stages one scope, with whatever else is queued when its turn comes. Returns its run's progress right after
    /// it, or null when the run is no longer open, exactly as <see cref="IRunStaging.StageScopeAsync"/>. Not
    /// cancellable: a finished collection is always kept.
    /// </summary>
    public async Task<StagingProgress?> StageAsync(string runId, ScopeInventory inventory)
    {
        var pending = new Pending(new ScopeStaging(runId, inventory));
        lock (gate)
        {
            queued.Add(pending);
        }

        await writer.WaitAsync(CancellationToken.None);
        try
        {
            // Another writer may have staged this one already; otherwise write the queue, oldest first, until it is.
            while (!pending.Result.Task.IsCompleted)
            {
                await WriteAsync(TakeQueued());
            }
        }
        finally
        {
            writer.Release();
        }

        return await pending.Result.Task;
    }

    public void Dispose() => writer.Dispose();

    private List<Pending> TakeQueued()
    {
        lock (gate)
        {
            var batch = queued.GetRange(0, Math.Min(MaxBatch, queued.Count));
            queued.RemoveRange(0, batch.Count);
            return batch;
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            var progress = await store.Staging.StageScopesAsync([.. batch.Select(p => p.Staging)], CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Result.SetResult(progress[i]);
            }
        }
        catch (Exception) when (batch.Count > 1)
        {
            // One scope the plan does not know, or one row the database refuses, must not fail the others' jobs:
            // each is staged again on its own, and only its own error reaches its job.
            foreach (var pending in batch)
            {
                await WriteAsync([pending]);
            }
        }
        catch (Exception ex)
        {
            batch[0].Result.SetException(ex);
        }
    }

    private sealed record Pending(ScopeStaging Staging)
    {
        // Continuations run on the pool, not inside the writer's turn: a job's commit firing never holds up the next batch.
        public TaskCompletionSource<StagingProgress?> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
