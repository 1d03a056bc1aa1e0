using System.Data.Common;
using Microsoft.Extensions.Logging;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.Storage;
using Quartz;

namespace PostureScan.Serve;

/// <summary>
/// Starts a scheduled run: discovers every provider's scopes, stores the plan, and fires one scope job per
/// scope. A run still open from an earlier firing is left to finish (this firing is skipped), unless it has
/// been open longer than the run timeout, in which case it is closed first with its pending scopes failed.
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
    /// The firing recovers one whose node died mid-plan: the open run it finds may lack triggers for some of
    /// its scopes, so its pending scopes are fired again (a scope collected twice is staged twice, harmlessly).
    /// </param>
    public async Task<string?> StartAsync(IScheduler scheduler, bool recovering, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var open in await store.Staging.ListStagedRunsAsync(cancellationToken))
        {
            if (now - open.StartedAt < TimeSpan.FromMinutes(settings.RunTimeoutMinutes))
            {
                Skipped(logger, open.RunId, open.Staged, open.Planned);
                metrics.ScanEnded(ServeMetrics.Skipped);
                if (recovering && await store.Staging.GetStagedRunAsync(open.RunId, cancellationToken) is { } staged)
                {
                    foreach (var scope in staged.Pending)
                    {
                        await FireScopeAsync(scheduler, open.RunId, scope, time, cancellationToken);
                    }

                    if (staged.Pending.Count == 0)
                    {
                        await RunCommitter.FireAsync(scheduler, open.RunId, time, cancellationToken);
                    }
                }

                return null;
            }

            TimedOut(logger, open.RunId, open.Staged, open.Planned);
            await committer.CommitAsync(scheduler, open.RunId, cancellationToken);
        }

        // The run's id first: its scope jobs on this node reuse the sources (and the roles) of its discovery.
        var runId = ScanRun.NewId(now);
        var started = time.GetTimestamp();
        var providers = sources.ForRun(runId);
        var scopes = new List<Scope>();
        var failures = new List<ScopeResult>();
        foreach (var source in providers)
        {
            var discovery = await DiscoverAsync(source, cancellationToken);
            scopes.AddRange(discovery.Scopes);
            failures.AddRange(discovery.Failures);
        }

        var plan = new StagedRunPlan(runId, now, [.. providers.Select(p => p.Provider)], scopes.Distinct().ToList(), failures);
        planned.Add(plan.RunId);
        await store.Staging.BeginStagedRunAsync(plan, cancellationToken);
        var discovered = time.GetElapsedTime(started);
        foreach (var failure in failures)
        {
            metrics.ScopeStaged(failure);
        }

        await FireScopesAsync(scheduler, plan.RunId, plan.Scopes, time, cancellationToken);
        await RefreshStatisticsAsync(plan, cancellationToken);
        var firing = time.GetElapsedTime(started) - discovered;
        Planned(logger, plan.RunId, plan.Scopes.Count, failures.Count, discovered.TotalSeconds, firing.TotalSeconds);

        if (plan.Scopes.Count == 0)
        {
            // Nothing to collect (every provider failed discovery): close the run now, its failures recorded.
            await committer.CommitAsync(scheduler, plan.RunId, cancellationToken);
        }

        return plan.RunId;
    }

    /// <summary>
    /// With the run's triggers stored, has the store refresh what its query planner knows of them (see
    /// <see cref="ISchedulerStatistics"/>). Only an optimisation: a store that refuses is logged and the run goes on.
    /// </summary>
    private async Task RefreshStatisticsAsync(StagedRunPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Scopes.Count == 0 || store.Runs is not ISchedulerStatistics statistics)
        {
            return;
        }

        try
        {
            await statistics.RefreshSchedulerStatisticsAsync(cancellationToken);
        }
        catch (DbException ex)
        {
            StatisticsNotRefreshed(logger, plan.RunId, ex.Message);
        }
    }

    /// <summary>
    /// Fires the scope's job for the run, adding the scope's durable job on first use. A trigger that already
    /// exists (the run is being resumed) is left alone.
    /// </summary>
    public static async Task FireScopeAsync(IScheduler scheduler, string runId, Scope scope, TimeProvider time, CancellationToken cancellationToken)
    {
        var job = ServeJobKeys.ScopeJob(scope);
        if (!await scheduler.Exists(job, cancellationToken))
        {
            await scheduler.AddJob(ScopeJobDetail(scope), AddJobOptions.Replacing, cancellationToken);
        }

        await scheduler.ScheduleTrigger(ScopeTrigger(runId, scope, time), TriggerConflict.Keep, cancellationToken);
    }

    /// <summary>
    /// Fires the jobs of a new run's scopes. The run is new, so none of its triggers exists yet.
    /// <para>
    /// On one machine (SQLite) the scopes go <see cref="FiringBatch"/> at a time, each batch one transaction with
    /// the scopes' durable jobs stored again unchanged.
    /// </para>
    /// <para>
    /// On a cluster, the job store inserts new jobs and triggers without its <c>TRIGGER_ACCESS</c> lock
    /// (<c>lockOnInsert</c> off, see <see cref="ServeHost"/>), the lock every node's scheduler thread takes to
    /// acquire, fire and complete a trigger. Under the lock, the firing of a 2,040-scope run held it in 50-job
    /// turns of 120–350 ms back to back, and for the 11–20 s that took, every node collected 1–5 scopes a second
    /// (bench/README.md). So here:
    /// </para>
    /// <list type="bullet">
    /// <item>a scope seen for the first time gets its durable job and its trigger in one insert, a batch at a time;</item>
    /// <item>a scope whose job is stored and idle gets its trigger alone, one insert each;</item>
    /// <item>
    /// a scope whose job still has a trigger (an earlier run's, pending or running) is fired under the lock as
    /// before, so that its new trigger is stored blocked while the earlier one runs: the job store decides that
    /// from the job's fired triggers, which only the lock keeps consistent.
    /// </item>
    /// </list>
    /// </summary>
    public static async Task FireScopesAsync(IScheduler scheduler, string runId, IReadOnlyList<Scope> scopes, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!(await scheduler.GetMetadata(cancellationToken)).JobStoreClustered)
        {
            await FireWithJobsAsync(scheduler, runId, scopes, ScheduleJobOptions.Replacing, time, cancellationToken);
            return;
        }

        var stored = (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ServeJobKeys.ScopeGroup), cancellationToken)).ToHashSet();
        var busy = await JobsWithTriggersAsync(scheduler, cancellationToken);
        var firings = scopes.ToLookup(scope => ServeJobKeys.ScopeJob(scope) switch
        {
            var job when busy.Contains(job) => Firing.Busy,
            var job when stored.Contains(job) => Firing.Idle,
            _ => Firing.New,
        });

        // Without the lock the inserts do not wait on each other, so several go at once: one at a time, the planner
        // fired about 50 scopes a second on a small node, slower than two nodes collect them.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ConcurrentFirings, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(firings[Firing.New].Chunk(FiringBatch), parallel, async (batch, token) =>
            await FireNewAsync(scheduler, runId, batch, time, token));
        await Parallel.ForEachAsync(firings[Firing.Idle], parallel, async (scope, token) =>
            await scheduler.ScheduleJob(ScopeTrigger(runId, scope, time), default, token));

        await FireWithJobsAsync(scheduler, runId, [.. firings[Firing.Busy]], ScheduleJobOptions.Replacing, time, cancellationToken);
    }

    /// <summary>Firing calls a cluster's planner makes at once.</summary>
    internal const int ConcurrentFirings = 4;

    private enum Firing
    {
        New,
        Idle,
        Busy,
    }

    /// <summary>
    /// Stores the jobs of scopes seen for the first time with their triggers, in one call. Should one of the jobs
    /// exist after all (another node resuming an older run stored it since the jobs were listed), the store refuses
    /// the whole call, and the batch is fired scope by scope instead, each job added if missing.
    /// </summary>
    internal static async Task FireNewAsync(IScheduler scheduler, string runId, IReadOnlyList<Scope> scopes, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            await FireWithJobsAsync(scheduler, runId, scopes, default, time, cancellationToken);
        }
        catch (JobPersistenceException)
        {
            foreach (var scope in scopes)
            {
                await FireScopeAsync(scheduler, runId, scope, time, cancellationToken);
            }
        }
    }

    /// <summary>Stores the scopes' jobs with their triggers, a batch per call; without replacing, no job may exist yet.</summary>
    private static async Task FireWithJobsAsync(IScheduler scheduler, string runId, IReadOnlyList<Scope> scopes, ScheduleJobOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        foreach (var batch in scopes.Chunk(FiringBatch))
        {
            var jobs = batch.ToDictionary(
                ScopeJobDetail,
                scope => (IReadOnlyCollection<ITrigger>)[ScopeTrigger(runId, scope, time)]);
            await scheduler.ScheduleJobs(jobs, options, cancellationToken);
        }
    }

    /// <summary>The scope jobs that have a trigger stored: fired and not yet complete, or waiting to fire.</summary>
    private static async Task<HashSet<JobKey>> JobsWithTriggersAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        // One query for the triggers with their jobs, as ScheduleReader lists them, rather than a read per trigger.
        var page = await scheduler.QueryTriggers(
            new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(ServeJobKeys.ScopeGroup), Take = PagedQuery.All }, cancellationToken);
        return [.. page.Items.Select(t => t.JobKey)];
    }

    /// <summary>Scope jobs fired per call when a run starts.</summary>
    internal const int FiringBatch = 50;

    private static IJobDetail ScopeJobDetail(Scope scope) =>
        JobBuilder.Create<ScopeJob>()
            .WithIdentity(ServeJobKeys.ScopeJob(scope))
            .UsingJobData(ServeJobKeys.Provider, scope.Provider)
            .UsingJobData(ServeJobKeys.Account, scope.Account)
            .UsingJobData(ServeJobKeys.Region, scope.Region)
            .StoreDurably()
            .RequestRecovery()
            .Build();

    private static ITrigger ScopeTrigger(string runId, Scope scope, TimeProvider time) =>
        ServeSchedule.Now(ServeJobKeys.ScopeTrigger(runId, scope), ServeJobKeys.ScopeJob(scope), new JobDataMap { [ServeJobKeys.RunId] = runId }, time);

    private static async Task<ScopeDiscovery> DiscoverAsync(IInventorySource source, CancellationToken cancellationToken)
    {
        try
        {
            return await source.DiscoverAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // As in the scan command: a source that cannot list its scopes is one failed provider-wide scope.
            var scope = new Scope(source.Provider, "*", "*");
            return new ScopeDiscovery([], [ScopeResult.Failed(scope, ScopeErrorKind.Other, ex.Message, 0, TimeSpan.Zero)]);
        }
    }

    // The two durations say where a run's start goes: discovery (roles, region listings) and storing the plan,
    // then handing the scope jobs to Quartz, during which the nodes already collect.
    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Run {RunId} planned: {Scopes} scope jobs fired, {FailedScopes} scopes failed discovery; discovery and plan {DiscoverySeconds:F1} s, firing {FiringSeconds:F1} s")]
    private static partial void Planned(ILogger logger, string runId, int scopes, int failedScopes, double discoverySeconds, double firingSeconds);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Scan firing skipped: run {RunId} is still collecting ({Staged} of {Planned} scopes staged)")]
    private static partial void Skipped(ILogger logger, string runId, int staged, int planned);

    [LoggerMessage(EventId = 23, Level = LogLevel.Warning, Message = "Run {RunId}: the job store's trigger statistics were not refreshed ({Reason}); the run goes on, its scopes possibly acquired more slowly")]
    private static partial void StatisticsNotRefreshed(ILogger logger, string runId, string reason);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "Run {RunId} timed out with {Staged} of {Planned} scopes staged; closing it with the rest failed")]
    private static partial void TimedOut(ILogger logger, string runId, int staged, int planned);
}
