using System.Data.Common;
using Microsoft.Extensions.Logging;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.Storage;
using Quartz;

namespace PostureScan.Serve;

/// <summary>
/// Starts a scheduled run: discovers every provider's scopes, stores the plan, and fires one account job per
/// provider and account, with the account's scopes. A run still open from an earlier firing is left to finish
/// (this firing is skipped), unless it has been open longer than the run timeout, in which case it is closed
/// first with its pending scopes failed.
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
    /// its accounts, so its pending scopes are fired again (a scope collected twice is staged twice, harmlessly).
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
                    foreach (var account in ByAccount(staged.Pending))
                    {
                        await FireAccountAsync(scheduler, open.RunId, account, time, cancellationToken);
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

        // The run's id first: its account jobs on this node reuse the sources (and the roles) of its discovery.
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

        var accounts = ByAccount(plan.Scopes);
        await FireAccountsAsync(scheduler, plan.RunId, accounts, time, cancellationToken);
        await RefreshStatisticsAsync(plan, cancellationToken);
        var firing = time.GetElapsedTime(started) - discovered;
        Planned(logger, plan.RunId, plan.Scopes.Count, accounts.Count, failures.Count, discovered.TotalSeconds, firing.TotalSeconds);

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

    /// <summary>The scopes grouped by provider and account, each group in the order the scopes came.</summary>
    public static IReadOnlyList<IReadOnlyList<Scope>> ByAccount(IEnumerable<Scope> scopes) =>
        [.. scopes.GroupBy(s => (s.Provider, s.Account)).Select(g => (IReadOnlyList<Scope>)[.. g])];

    /// <summary>
    /// Fires the job of one account's <paramref name="scopes"/> for the run, adding the account's durable job on
    /// first use. A trigger that already exists (the run is being resumed) is left alone.
    /// </summary>
    public static async Task FireAccountAsync(IScheduler scheduler, string runId, IReadOnlyList<Scope> scopes, TimeProvider time, CancellationToken cancellationToken)
    {
        var job = ServeJobKeys.AccountJob(scopes[0]);
        if (!await scheduler.Exists(job, cancellationToken))
        {
            await scheduler.AddJob(AccountJobDetail(scopes[0]), AddJobOptions.Replacing, cancellationToken);
        }

        await scheduler.ScheduleTrigger(AccountTrigger(runId, scopes, time), TriggerConflict.Keep, cancellationToken);
    }

    /// <summary>
    /// Fires the account jobs of a new run's scopes, grouped by <see cref="ByAccount"/>. The run is new, so none of
    /// its triggers exists yet.
    /// <para>
    /// On one machine (SQLite) the accounts go <see cref="FiringBatch"/> at a time, each batch one transaction with
    /// the accounts' durable jobs stored again unchanged.
    /// </para>
    /// <para>
    /// On a cluster, the job store inserts new jobs and triggers without its <c>TRIGGER_ACCESS</c> lock
    /// (<c>lockOnInsert</c> off, see <see cref="ServeHost"/>), the lock every node's scheduler thread takes to
    /// acquire, fire and complete a trigger. Under the lock, the firing of a 2,040-job run held it in 50-job
    /// turns of 120–350 ms back to back, and for the 11–20 s that took, every node collected 1–5 scopes a second
    /// (bench/README.md). So here:
    /// </para>
    /// <list type="bullet">
    /// <item>an account seen for the first time gets its durable job and its trigger in one insert, a batch at a time;</item>
    /// <item>an account whose job is stored and idle gets its trigger alone, one insert each;</item>
    /// <item>
    /// an account whose job still has a trigger (an earlier run's, pending or running) is fired under the lock as
    /// before, so that its new trigger is stored blocked while the earlier one runs: the job store decides that
    /// from the job's fired triggers, which only the lock keeps consistent.
    /// </item>
    /// </list>
    /// </summary>
    public static async Task FireAccountsAsync(IScheduler scheduler, string runId, IReadOnlyList<IReadOnlyList<Scope>> accounts, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!(await scheduler.GetMetadata(cancellationToken)).JobStoreClustered)
        {
            await FireWithJobsAsync(scheduler, runId, accounts, ScheduleJobOptions.Replacing, time, cancellationToken);
            return;
        }

        var stored = (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ServeJobKeys.AccountGroup), cancellationToken)).ToHashSet();
        var busy = await JobsWithTriggersAsync(scheduler, cancellationToken);
        var firings = accounts.ToLookup(account => ServeJobKeys.AccountJob(account[0]) switch
        {
            var job when busy.Contains(job) => Firing.Busy,
            var job when stored.Contains(job) => Firing.Idle,
            _ => Firing.New,
        });

        // Without the lock the inserts do not wait on each other, so several go at once.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ConcurrentFirings, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(firings[Firing.New].Chunk(FiringBatch), parallel, async (batch, token) =>
            await FireNewAsync(scheduler, runId, batch, time, token));
        await Parallel.ForEachAsync(firings[Firing.Idle], parallel, async (account, token) =>
            await scheduler.ScheduleJob(AccountTrigger(runId, account, time), default, token));

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
    /// Stores the jobs of accounts seen for the first time with their triggers, in one call. Should one of the jobs
    /// exist after all (another node resuming an older run stored it since the jobs were listed), the store refuses
    /// the whole call, and the batch is fired account by account instead, each job added if missing.
    /// </summary>
    internal static async Task FireNewAsync(IScheduler scheduler, string runId, IReadOnlyList<IReadOnlyList<Scope>> accounts, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            await FireWithJobsAsync(scheduler, runId, accounts, default, time, cancellationToken);
        }
        catch (JobPersistenceException)
        {
            foreach (var account in accounts)
            {
                await FireAccountAsync(scheduler, runId, account, time, cancellationToken);
            }
        }
    }

    /// <summary>Stores the accounts' jobs with their triggers, a batch per call; without replacing, no job may exist yet.</summary>
    private static async Task FireWithJobsAsync(IScheduler scheduler, string runId, IReadOnlyList<IReadOnlyList<Scope>> accounts, ScheduleJobOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        foreach (var batch in accounts.Chunk(FiringBatch))
        {
            var jobs = batch.ToDictionary(
                account => AccountJobDetail(account[0]),
                account => (IReadOnlyCollection<ITrigger>)[AccountTrigger(runId, account, time)]);
            await scheduler.ScheduleJobs(jobs, options, cancellationToken);
        }
    }

    /// <summary>The account jobs that have a trigger stored: fired and not yet complete, or waiting to fire.</summary>
    private static async Task<HashSet<JobKey>> JobsWithTriggersAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        // One query for the triggers with their jobs, as ScheduleReader lists them, rather than a read per trigger.
        var page = await scheduler.QueryTriggers(
            new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(ServeJobKeys.AccountGroup), Take = PagedQuery.All }, cancellationToken);
        return [.. page.Items.Select(t => t.JobKey)];
    }

    /// <summary>Account jobs fired per call when a run starts.</summary>
    internal const int FiringBatch = 50;

    /// <summary>An account's durable job; <paramref name="scope"/> is any of its scopes.</summary>
    internal static IJobDetail AccountJobDetail(Scope scope) =>
        JobBuilder.Create<AccountJob>()
            .WithIdentity(ServeJobKeys.AccountJob(scope))
            .UsingJobData(ServeJobKeys.Provider, scope.Provider)
            .UsingJobData(ServeJobKeys.Account, scope.Account)
            .StoreDurably()
            .RequestRecovery()
            .Build();

    private static ITrigger AccountTrigger(string runId, IReadOnlyList<Scope> scopes, TimeProvider time) =>
        ServeSchedule.Now(
            ServeJobKeys.AccountTrigger(runId, scopes[0].Provider, scopes[0].Account),
            ServeJobKeys.AccountJob(scopes[0]),
            new JobDataMap { [ServeJobKeys.RunId] = runId, [ServeJobKeys.Regions] = ServeJobKeys.WriteRegions(scopes) },
            time);

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
    // then handing the account jobs to Quartz, during which the nodes already collect.
    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Run {RunId} planned: {Scopes} scopes in {Accounts} account jobs fired, {FailedScopes} scopes failed discovery; discovery and plan {DiscoverySeconds:F1} s, firing {FiringSeconds:F1} s")]
    private static partial void Planned(ILogger logger, string runId, int scopes, int accounts, int failedScopes, double discoverySeconds, double firingSeconds);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Scan firing skipped: run {RunId} is still collecting ({Staged} of {Planned} scopes staged)")]
    private static partial void Skipped(ILogger logger, string runId, int staged, int planned);

    [LoggerMessage(EventId = 23, Level = LogLevel.Warning, Message = "Run {RunId}: the job store's trigger statistics were not refreshed ({Reason}); the run goes on, its scopes possibly acquired more slowly")]
    private static partial void StatisticsNotRefreshed(ILogger logger, string runId, string reason);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "Run {RunId} timed out with {Staged} of {Planned} scopes staged; closing it with the rest failed")]
    private static partial void TimedOut(ILogger logger, string runId, int staged, int planned);
}
