using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.Storage;
using Quartz;

namespace PostureScan.Serve;

/// <summary>
/// Starts a scheduled run: discovers every provider's scopes, and as each account's scopes are found, adds them to the
/// run's stored plan and fires the account's job, so that the nodes collect while discovery goes on. The plan ends
/// with discovery, its failures staged. A run still open from an earlier firing is left to finish (this firing is
/// skipped), unless it has been open longer than the run timeout, in which case it is closed first with its pending
/// scopes failed.
/// </summary>
internal sealed partial class ScanPlanner(
    InventorySourceFactory sources,
    ServeStore store,
    RunCommitter committer,
    PlannedRuns planned,
    ServeSettings settings,
    TimeProvider time,
    ServeMetrics metrics,
    ILogger<ScanPlanner> logger)
{
    /// <param name="recovering">
    /// The firing recovers one whose node stopped mid-plan: the open run it finds may lack scopes its discovery had
    /// not reached, or triggers for some of its accounts. Its discovery then runs again, adding what the plan lacks,
    /// and its pending scopes are fired again (a scope collected twice is staged twice, harmlessly).
    /// </param>
    public async Task<string?> StartAsync(IScheduler scheduler, bool recovering, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var open in await store.Staging.ListStagedRunsAsync(cancellationToken))
        {
            if (now - open.StartedAt < TimeSpan.FromMinutes(settings.RunTimeoutMinutes))
            {
                if (recovering && await store.Staging.GetStagedRunAsync(open.RunId, cancellationToken) is { } staged)
                {
                    // Not a skipped firing: a recovered one carries the open run on, and the run is counted when stored.
                    Resumed(logger, open.RunId, open.Staged, open.Planned, staged.Planning);
                    await ResumeAsync(scheduler, staged, cancellationToken);
                    return null;
                }

                Skipped(logger, open.RunId, open.Staged, open.Planned);
                metrics.ScanEnded(ServeMetrics.Skipped);
                return null;
            }

            TimedOut(logger, open.RunId, open.Staged, open.Planned);
            await committer.CommitAsync(scheduler, open.RunId, cancellationToken);
        }

        // The run's id first: its account jobs on this node reuse the sources (and the roles) of its discovery.
        var runId = ScanRun.NewId(now);
        var providers = sources.ForRun(runId);
        planned.Add(runId);
        await store.Staging.BeginStagedRunAsync(
            new StagedRunPlan(runId, now, [.. providers.Select(p => p.Provider)], [], [], Planning: true), cancellationToken);
        await PlanAsync(scheduler, runId, [], cancellationToken);
        return runId;
    }

    private async Task ResumeAsync(IScheduler scheduler, StagedRun staged, CancellationToken cancellationToken)
    {
        foreach (var account in AccountFiring.ByAccount(staged.Pending))
        {
            await AccountFiring.FireAccountAsync(scheduler, staged.RunId, account, time, cancellationToken);
        }

        if (staged.Planning)
        {
            await PlanAsync(scheduler, staged.RunId, [.. staged.Pending, .. staged.Staged.Select(s => s.Result.Scope)], cancellationToken);
        }
        else if (staged.Pending.Count == 0)
        {
            await RunCommitter.FireAsync(scheduler, staged.RunId, time, cancellationToken);
        }
    }

    /// <summary>
    /// Runs every provider's discovery at once and, batch by batch as scopes come, adds them to the run's plan and
    /// fires their accounts' jobs; then ends the plan with the discovery's failures. <paramref name="known"/> holds
    /// the scopes the plan has already (a recovered plan's), which are neither planned nor fired again.
    /// </summary>
    private async Task PlanAsync(IScheduler scheduler, string runId, HashSet<Scope> known, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        TimeSpan? firstFired = null;
        var firing = await AccountFiring.StartAsync(scheduler, runId, known, time, cancellationToken);
        var found = Channel.CreateUnbounded<IReadOnlyList<Scope>>(new UnboundedChannelOptions { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var discovering = DiscoverAsync(sources.ForRun(runId), found.Writer, stop.Token);
        var accounts = new HashSet<(string, string)>();
        var read = false;
        try
        {
            while (await found.Reader.WaitToReadAsync(cancellationToken))
            {
                // Whatever discovery has handed over by now, in one transaction and one round of firings.
                var fresh = new List<Scope>();
                while (found.Reader.TryRead(out var batch))
                {
                    fresh.AddRange(batch.Where(known.Add));
                }

                if (fresh.Count == 0)
                {
                    continue;
                }

                if (await store.Staging.AddPlannedScopesAsync(runId, fresh, cancellationToken) is null)
                {
                    // The run was closed meanwhile (timed out by a later firing): nothing more to plan.
                    return;
                }

                var byAccount = AccountFiring.ByAccount(fresh);
                await firing.FireAsync(byAccount, cancellationToken);
                accounts.UnionWith(byAccount.Select(a => (a[0].Provider, a[0].Account)));
                firstFired ??= time.GetElapsedTime(started);
            }

            read = true;
        }
        finally
        {
            // Left early (an error, cancellation, or the run closed meanwhile): discovery stops, and ends before this.
            if (!read)
            {
                await stop.CancelAsync();
                await ((Task)discovering).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        var failures = (await discovering).SelectMany(d => d.Failures).Where(f => known.Add(f.Scope)).ToList();
        var progress = await store.Staging.EndPlanningAsync(runId, failures, cancellationToken);
        foreach (var failure in failures)
        {
            metrics.ScopeStaged(failure);
        }

        await RefreshStatisticsAsync(runId, known.Count, cancellationToken);
        var scopes = known.Count - failures.Count;
        var took = time.GetElapsedTime(started);
        Planned(logger, runId, scopes, accounts.Count, failures.Count, (firstFired ?? took).TotalSeconds, took.TotalSeconds);
        if (progress is not { IsComplete: true })
        {
            return;
        }

        if (scopes == 0)
        {
            // Nothing to collect (every provider failed discovery): close the run now, its failures recorded.
            await committer.CommitAsync(scheduler, runId, cancellationToken);
        }
        else
        {
            // Every scope was staged while discovery went on: the last staging saw the plan open and left the commit here.
            await RunCommitter.FireAsync(scheduler, runId, time, cancellationToken);
        }
    }

    /// <summary>
    /// Every provider's discovery, side by side, each handing its scopes to <paramref name="found"/> as it finds them;
    /// completes <paramref name="found"/> when all have ended (or one was cancelled), and never throws but for
    /// cancellation: a provider that cannot list its scopes is one failed provider-wide scope.
    /// </summary>
    private static async Task<ScopeDiscovery[]> DiscoverAsync(
        IReadOnlyList<IInventorySource> providers, ChannelWriter<IReadOnlyList<Scope>> found, CancellationToken cancellationToken)
    {
        try
        {
            return await Task.WhenAll(providers.Select(source =>
                DiscoveryFeed.RunAsync(source, (scopes, ct) => found.WriteAsync(scopes, ct), cancellationToken)));
        }
        finally
        {
            found.TryComplete();
        }
    }

    /// <summary>
    /// With the run's triggers stored, has the store refresh what its query planner knows of them (see
    /// <see cref="ISchedulerStatistics"/>). Only an optimisation: a store that refuses is logged and the run goes on.
    /// </summary>
    private async Task RefreshStatisticsAsync(string runId, int scopes, CancellationToken cancellationToken)
    {
        if (scopes == 0 || store.Runs is not ISchedulerStatistics statistics)
        {
            return;
        }

        try
        {
            await statistics.RefreshSchedulerStatisticsAsync(cancellationToken);
        }
        catch (DbException ex)
        {
            StatisticsNotRefreshed(logger, runId, ex.Message);
        }
    }

    // The two durations say where a run's start goes: how soon the first account job was fired (the nodes collect from
    // then on), and how long discovery, the plan and the firings took in all.
    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Run {RunId} planned: {Scopes} scopes in {Accounts} account jobs fired, {FailedScopes} scopes failed discovery; first account fired after {FirstSeconds:F2} s, discovery, plan and firing {PlanSeconds:F2} s")]
    private static partial void Planned(ILogger logger, string runId, int scopes, int accounts, int failedScopes, double firstSeconds, double planSeconds);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Scan firing skipped: run {RunId} is still collecting ({Staged} of {Planned} scopes staged)")]
    private static partial void Skipped(ILogger logger, string runId, int staged, int planned);

    [LoggerMessage(EventId = 24, Level = LogLevel.Information, Message = "Recovered scan firing resumes run {RunId} ({Staged} of {Planned} scopes staged, plan still open: {Planning})")]
    private static partial void Resumed(ILogger logger, string runId, int staged, int planned, bool planning);

    [LoggerMessage(EventId = 23, Level = LogLevel.Warning, Message = "Run {RunId}: the job store's trigger statistics were not refreshed ({Reason}); the run goes on, its scopes possibly acquired more slowly")]
    private static partial void StatisticsNotRefreshed(ILogger logger, string runId, string reason);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "Run {RunId} timed out with {Staged} of {Planned} scopes staged; closing it with the rest failed")]
    private static partial void TimedOut(ILogger logger, string runId, int staged, int planned);
}
