using Microsoft.Extensions.Logging;
using PostureScan.Core.Inventory;
using Quartz;

namespace PostureScan.Serve;

/// <summary>
/// At start-up, picks up the runs left open by a stop or a crash: every pending scope's account job is fired again,
/// and a run with nothing pending is committed. The store, not the scheduler, is the truth of what remains to
/// do; but an account whose job already has a firing for the run (its trigger still stored, or the recovery trigger Quartz
/// stored when a shutdown cancelled it) is left to that firing, so that a scope is not collected twice.
/// </summary>
internal sealed partial class StagedRunResumer(ServeStore store, PlannedRuns planned, TimeProvider time, ILogger<StagedRunResumer> logger)
{
    public async Task<int> ResumeAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var resumed = 0;
        foreach (var open in (await store.Staging.ListStagedRunsAsync(cancellationToken)).Where(r => !planned.Contains(r.RunId)))
        {
            var staged = await store.Staging.GetStagedRunAsync(open.RunId, cancellationToken);
            if (staged is null)
            {
                continue;
            }

            // The scheduler is already running, so a firing left for the run can finish while this looks. A firing
            // stages its scopes before its trigger completes: asking for firings first, and for what is pending
            // after, never fires a scope that such a firing has just collected.
            var unfired = new List<Scope>();
            foreach (var account in AccountFiring.ByAccount(staged.Pending))
            {
                if (!await HasFiringAsync(scheduler, ServeJobKeys.AccountJob(account[0]), staged.RunId, cancellationToken))
                {
                    unfired.AddRange(account);
                }
            }

            var committing = await HasFiringAsync(scheduler, ServeJobKeys.Commit, staged.RunId, cancellationToken);
            staged = await store.Staging.GetStagedRunAsync(open.RunId, cancellationToken);
            if (staged is null)
            {
                continue;
            }

            var pending = staged.Pending.ToHashSet();
            foreach (var account in AccountFiring.ByAccount(unfired.Where(pending.Contains)))
            {
                await AccountFiring.FireAccountAsync(scheduler, staged.RunId, account, time, cancellationToken);
            }

            // A run still planning is committed only after its plan ends: by its scan job, whose firing is recovered.
            if (pending.Count == 0 && !committing && !staged.Planning)
            {
                await RunCommitter.FireAsync(scheduler, staged.RunId, time, cancellationToken);
            }

            Resumed(logger, staged.RunId, staged.Pending.Count, staged.Staged.Count);
            resumed++;
        }

        return resumed;
    }

    private static async Task<bool> HasFiringAsync(IScheduler scheduler, JobKey job, string runId, CancellationToken cancellationToken) =>
        (await scheduler.GetTriggersOfJob(job, cancellationToken))
            .Any(t => string.Equals(t.JobDataMap.GetString(ServeJobKeys.RunId), runId, StringComparison.Ordinal));

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Run {RunId} resumed: {Pending} scopes pending, {Staged} already staged")]
    private static partial void Resumed(ILogger logger, string runId, int pending, int staged);
}
