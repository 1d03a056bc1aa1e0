using PostureScan.Core.Inventory;
using Quartz;

namespace PostureScan.Serve;

/// <summary>
/// Fires the account jobs of one run as its plan grows: each call gets the accounts whose scopes discovery has just
/// handed over. On one machine (SQLite) the accounts go <see cref="FiringBatch"/> at a time, each batch one
/// transaction with the accounts' durable jobs stored again unchanged.
/// <para>
/// On a cluster, the job store inserts new jobs and triggers without its <c>TRIGGER_ACCESS</c> lock
/// (<c>lockOnInsert</c> off, see <see cref="ServeHost"/>), the lock every node's scheduler thread takes to
/// acquire, fire and complete a trigger. Under the lock, the firing of a 2,040-job run held it in 50-job
/// turns of 120–350 ms back to back, and for the 11–20 s that took, every node collected 1–5 scopes a second
/// (bench/README.md). So, from what the job store held when the run began:
/// </para>
/// <list type="bullet">
/// <item>an account seen for the first time gets its durable job and its trigger in one insert, a batch at a time;</item>
/// <item>an account whose job is stored and idle gets its trigger alone, one insert each;</item>
/// <item>
/// an account whose job still has a trigger (an earlier run's, pending or running, or this run's earlier part) is
/// fired under the lock as before, so that its new trigger is stored blocked while the earlier one runs: the job
/// store decides that from the job's fired triggers, which only the lock keeps consistent.
/// </item>
/// </list>
/// </summary>
internal sealed class AccountFiring
{
    /// <summary>Account jobs fired per call on one machine, and accounts seen for the first time per insert on a cluster.</summary>
    internal const int FiringBatch = 50;

    /// <summary>Firing calls a cluster's planner makes at once.</summary>
    internal const int ConcurrentFirings = 4;

    private readonly IScheduler scheduler;
    private readonly string runId;
    private readonly TimeProvider time;
    private readonly bool clustered;
    private readonly HashSet<JobKey> stored;
    private readonly HashSet<JobKey> busy;
    private readonly Dictionary<JobKey, int> parts = [];

    private AccountFiring(IScheduler scheduler, string runId, TimeProvider time, bool clustered, HashSet<JobKey> stored, HashSet<JobKey> busy)
    {
        this.scheduler = scheduler;
        this.runId = runId;
        this.time = time;
        this.clustered = clustered;
        this.stored = stored;
        this.busy = busy;
    }

    /// <summary>
    /// Reads, on a cluster, which account jobs are stored and which still have a trigger. <paramref name="fired"/>
    /// holds scopes of the run already fired (a recovered plan's): a later firing of one of their accounts is a part
    /// of its own.
    /// </summary>
    public static async Task<AccountFiring> StartAsync(
        IScheduler scheduler, string runId, IEnumerable<Scope> fired, TimeProvider time, CancellationToken cancellationToken)
    {
        var firing = await ReadAsync(scheduler, runId, time, cancellationToken);
        foreach (var scope in fired)
        {
            firing.parts[ServeJobKeys.AccountJob(scope)] = 0;
        }

        return firing;
    }

    private static async Task<AccountFiring> ReadAsync(IScheduler scheduler, string runId, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!(await scheduler.GetMetadata(cancellationToken)).JobStoreClustered)
        {
            return new AccountFiring(scheduler, runId, time, clustered: false, [], []);
        }

        var stored = (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ServeJobKeys.AccountGroup), cancellationToken)).ToHashSet();

        // One query for the triggers with their jobs, as ScheduleReader lists them, rather than a read per trigger.
        var page = await scheduler.QueryTriggers(
            new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(ServeJobKeys.AccountGroup), Take = PagedQuery.All }, cancellationToken);
        return new AccountFiring(scheduler, runId, time, clustered: true, stored, [.. page.Items.Select(t => t.JobKey)]);
    }

    /// <summary>
    /// Fires the job of each of <paramref name="accounts"/> (one account's scopes each, see <see cref="ByAccount"/>).
    /// An account fired before in this run (discovery handed its scopes over in parts) gets a firing of its own for
    /// the new scopes.
    /// </summary>
    public async Task FireAsync(IReadOnlyList<IReadOnlyList<Scope>> accounts, CancellationToken cancellationToken)
    {
        var firings = accounts.Select(scopes =>
        {
            var job = ServeJobKeys.AccountJob(scopes[0]);
            var part = parts.TryGetValue(job, out var fired) ? fired + 1 : 0;
            parts[job] = part;
            return (Job: job, Trigger: AccountTrigger(runId, scopes, time, part), Scopes: scopes);
        }).ToList();

        if (!clustered)
        {
            await FireWithJobsAsync(scheduler, [.. firings.Select(f => (f.Scopes, f.Trigger))], ScheduleJobOptions.Replacing, cancellationToken);
            return;
        }

        var kinds = firings.ToLookup(f => busy.Contains(f.Job) ? Kind.Busy : stored.Contains(f.Job) ? Kind.Idle : Kind.New);
        foreach (var (job, _, _) in firings)
        {
            stored.Add(job);
            busy.Add(job);
        }

        // Without the lock the inserts do not wait on each other, so several go at once.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ConcurrentFirings, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(kinds[Kind.New].Chunk(FiringBatch), parallel, async (batch, token) =>
            await FireNewAsync(scheduler, [.. batch.Select(f => (f.Scopes, f.Trigger))], token));
        await Parallel.ForEachAsync(kinds[Kind.Idle], parallel, async (firing, token) =>
            await scheduler.ScheduleJob(firing.Trigger, default, token));

        await FireWithJobsAsync(scheduler, [.. kinds[Kind.Busy].Select(f => (f.Scopes, f.Trigger))], ScheduleJobOptions.Replacing, cancellationToken);
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
    /// Stores the jobs of accounts seen for the first time with their triggers, in one call. Should one of the jobs
    /// exist after all (another node resuming an older run stored it since the jobs were listed), the store refuses
    /// the whole call, and the batch is fired account by account instead, each job added if missing.
    /// </summary>
    internal static async Task FireNewAsync(
        IScheduler scheduler, IReadOnlyList<(IReadOnlyList<Scope> Scopes, ITrigger Trigger)> firings, CancellationToken cancellationToken)
    {
        try
        {
            await FireWithJobsAsync(scheduler, firings, default, cancellationToken);
        }
        catch (JobPersistenceException)
        {
            foreach (var (scopes, trigger) in firings)
            {
                if (!await scheduler.Exists(trigger.JobKey, cancellationToken))
                {
                    await scheduler.AddJob(AccountJobDetail(scopes[0]), AddJobOptions.Replacing, cancellationToken);
                }

                await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, cancellationToken);
            }
        }
    }

    /// <summary>The firing of one account's <paramref name="scopes"/> for the run.</summary>
    internal static ITrigger AccountTrigger(string runId, IReadOnlyList<Scope> scopes, TimeProvider time, int part = 0) =>
        ServeSchedule.Now(
            ServeJobKeys.AccountTrigger(runId, scopes[0].Provider, scopes[0].Account, part),
            ServeJobKeys.AccountJob(scopes[0]),
            new JobDataMap { [ServeJobKeys.RunId] = runId, [ServeJobKeys.Regions] = ServeJobKeys.WriteRegions(scopes) },
            time);

    /// <summary>An account's durable job; <paramref name="scope"/> is any of its scopes.</summary>
    internal static IJobDetail AccountJobDetail(Scope scope) =>
        JobBuilder.Create<AccountJob>()
            .WithIdentity(ServeJobKeys.AccountJob(scope))
            .UsingJobData(ServeJobKeys.Provider, scope.Provider)
            .UsingJobData(ServeJobKeys.Account, scope.Account)
            .StoreDurably()
            .RequestRecovery()
            .Build();

    /// <summary>Stores the accounts' jobs with their triggers, a batch per call; without replacing, no job may exist yet.</summary>
    private static async Task FireWithJobsAsync(
        IScheduler scheduler, IReadOnlyList<(IReadOnlyList<Scope> Scopes, ITrigger Trigger)> firings, ScheduleJobOptions options, CancellationToken cancellationToken)
    {
        foreach (var batch in firings.Chunk(FiringBatch))
        {
            // One account twice in a batch (two parts) is one job with two triggers.
            var jobs = batch.GroupBy(f => f.Trigger.JobKey).ToDictionary(
                account => AccountJobDetail(account.First().Scopes[0]),
                account => (IReadOnlyCollection<ITrigger>)[.. account.Select(f => f.Trigger)]);
            await scheduler.ScheduleJobs(jobs, options, cancellationToken);
        }
    }

    private enum Kind
    {
        New,
        Idle,
        Busy,
    }
}
