using Microsoft.Extensions.Logging;
using Quartz.Extensibility;
using Quartz.Impl;

namespace PostureScan.Serve;

/// <summary>
/// Quartz's worker pool on a serve node: Quartz's own pool (Serve: <see cref="ServeSchedule.Threads"/> workers), which
/// tells the scheduler it has room for more work only while one of the node's <see cref="ScopeSlots"/> is idle.
/// </summary>
/// <remarks>
/// An account job holds one worker for all its scopes. Sized by workers alone, a node with free workers would take
/// account after account whose scopes then queue for its slots, while another node of the cluster runs out of work:
/// the first node to see a run's triggers took most of them. Asking for the next account only when a slot is idle
/// keeps each node's queue to the account it took last, and the rest of the run for whichever node is free first.
/// Other jobs (commit, report, ingestion) wait for an idle slot too; during a run they were queued behind its
/// account triggers (due earlier) all the same.
/// </remarks>
internal sealed class SlotGatedThreadPool(ScopeSlots slots, ILogger<TaskSchedulingThreadPool>? logger = null)
    : TaskSchedulingThreadPool(logger), IThreadPool
{
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override TaskScheduler GetDefaultScheduler() => TaskScheduler.Default;

    async ValueTask<int> IThreadPool.WaitForAvailableThreads(CancellationToken cancellationToken)
    {
        var workers = await WaitForAvailableThreads(cancellationToken);
        if (workers == 0)
        {
            return 0;
        }

        // Shutdown ends the wait as it ends Quartz's own (a wait left behind ends with the process).
        var idle = slots.WaitForIdleAsync(cancellationToken).AsTask();
        return await Task.WhenAny(idle, stopped.Task) == idle ? Math.Min(workers, await idle) : 0;
    }

    async ValueTask<bool> IThreadPool.TryRunWithState(Func<object?, ValueTask> action, object? state, CancellationToken cancellationToken)
    {
        // The idle slot this work was started for is held from now until its job takes a slot or ends: the scheduler
        // asks again at once, before the job has begun, and must not see the same slot idle twice.
        var reservation = slots.Reserve();
        if (await TryRunWithState(RunReserved, (reservation, action, state), cancellationToken))
        {
            return true;
        }

        reservation.Dispose();
        return false;
    }

    ValueTask<bool> IThreadPool.TryRun(Func<ValueTask> action, CancellationToken cancellationToken) =>
        ((IThreadPool)this).TryRunWithState(static a => ((Func<ValueTask>)a!)(), action, cancellationToken);

    private static async ValueTask RunReserved(object? work)
    {
        var (reservation, action, state) = ((ScopeSlots.Reservation, Func<object?, ValueTask>, object?))work!;
        using (reservation)
        {
            reservation.Enter();
            await action(state);
        }
    }

    async ValueTask IThreadPool.Shutdown(bool waitForJobsToComplete, CancellationToken cancellationToken)
    {
        stopped.TrySetResult();
        await Shutdown(waitForJobsToComplete, cancellationToken);
    }

    async ValueTask<bool> IThreadPool.Drain(CancellationToken cancellationToken)
    {
        stopped.TrySetResult();
        return await Drain(cancellationToken);
    }
}
