using Microsoft.Extensions.Logging;
using Quartz;

namespace PostureScan.Serve;

/// <summary>
/// At start-up, picks up the runs left open by a stop or a crash: every pending scope's job is fired again
/// (a trigger still stored is left to fire, or to be recovered), and a run with nothing pending is committed.
/// The store, not the scheduler, is the truth of what remains to do.
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

            foreach (var scope in staged.Pending)
            {
                await ScanPlanner.FireScopeAsync(scheduler, staged.RunId, scope, time, cancellationToken);
            }

            if (staged.Pending.Count == 0)
            {
                await RunCommitter.FireAsync(scheduler, staged.RunId, time, cancellationToken);
            }

            Resumed(logger, staged.RunId, staged.Pending.Count, staged.Staged.Count);
            resumed++;
        }

        return resumed;
    }

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Run {RunId} resumed: {Pending} scopes pending, {Staged} already staged")]
    private static partial void Resumed(ILogger logger, string runId, int pending, int staged);
}
