using PostureScan.Core.Audit.Ingestion;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.Serve;
using PostureScan.Storage;
using PostureScan.TestKit;

namespace PostureScan.Tests.Serve;

/// <summary>
/// Group commit of a node's stagings, on a real SQLite store: scopes that finish while a staging is being written
/// go in the next transaction together, each job still gets its own answer, and one bad scope fails only its own job.
/// </summary>
public sealed class StagingQueueTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TemporaryDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Scopes_that_finish_during_a_write_are_staged_together_and_exactly_one_sees_the_run_complete()
    {
        await using var store = await SqliteRunStore.OpenAsync(folder.File("serve.db"), TimeProvider.System, None);
        var scopes = Enumerable.Range(0, 20).Select(i => Some.Scope(account: $"2000000000{i:D2}")).ToList();
        await store.BeginStagedRunAsync(new StagedRunPlan("run-q1", Some.Time, ["aws"], scopes, []), None);
        var staging = new HeldStaging(store);
        using var queue = new StagingQueue(new ServeStore(store, staging, store, store));

        // The first scope's write is held; the other 19 finish meanwhile.
        var first = queue.StageAsync("run-q1", Inventory(scopes[0]));
        await staging.FirstWriteStarted.WaitAsync(TimeSpan.FromSeconds(30));
        var others = scopes.Skip(1).Select(s => queue.StageAsync("run-q1", Inventory(s))).ToList();
        staging.Release();
        var progress = await Task.WhenAll(others.Prepend(first));

        Assert.Equal([1, 19], staging.Batches);
        Assert.Equal(1, progress.Count(p => p!.IsComplete));
        Assert.Equal(Enumerable.Range(1, 20), progress.Select(p => p!.Staged).Order());
        Assert.Empty((await store.GetStagedRunAsync("run-q1", None))!.Pending);
    }

    [Fact]
    public async Task A_scope_its_run_did_not_plan_fails_its_own_job_and_the_others_in_its_batch_are_staged()
    {
        await using var store = await SqliteRunStore.OpenAsync(folder.File("serve.db"), TimeProvider.System, None);
        var scopes = Enumerable.Range(0, 3).Select(i => Some.Scope(region: $"eu-west-{i + 1}")).ToList();
        await store.BeginStagedRunAsync(new StagedRunPlan("run-q2", Some.Time, ["aws"], scopes, []), None);
        var staging = new HeldStaging(store);
        using var queue = new StagingQueue(new ServeStore(store, staging, store, store));

        var first = queue.StageAsync("run-q2", Inventory(scopes[0]));
        await staging.FirstWriteStarted.WaitAsync(TimeSpan.FromSeconds(30));
        var second = queue.StageAsync("run-q2", Inventory(scopes[1]));
        var unplanned = queue.StageAsync("run-q2", Inventory(Some.Scope(region: "ap-south-1")));
        var third = queue.StageAsync("run-q2", Inventory(scopes[2]));
        staging.Release();

        await Assert.ThrowsAsync<InvalidOperationException>(() => unplanned);
        var staged = new[] { (await first)!.Staged, (await second)!.Staged };
        Assert.Equal([1, 2], staged);
        Assert.True((await third)!.IsComplete);
        // The batch of three was refused whole, then each of its scopes was staged on its own.
        Assert.Equal([1, 3, 1, 1, 1], staging.Batches);
    }

    private static ScopeInventory Inventory(Scope scope) => new(Some.ScopeOk(scope), [Some.Session($"tms-{scope.Key}", scope)]);

    /// <summary>The store's staging, recording each batch's size and holding the first write until released.</summary>
    private sealed class HeldStaging(IRunStaging inner) : IRunStaging
    {
        private readonly TaskCompletionSource firstWriteStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<int> batches = [];

        public Task FirstWriteStarted => firstWriteStarted.Task;

        public IReadOnlyList<int> Batches
        {
            get
            {
                lock (batches)
                {
                    return [.. batches];
                }
            }
        }

        public void Release() => released.TrySetResult();

        public async Task<IReadOnlyList<StagingProgress?>> StageScopesAsync(IReadOnlyList<ScopeStaging> scopes, CancellationToken cancellationToken)
        {
            lock (batches)
            {
                batches.Add(scopes.Count);
            }

            firstWriteStarted.TrySetResult();
            await released.Task;
            return await inner.StageScopesAsync(scopes, cancellationToken);
        }

        public Task<StagingProgress?> StageScopeAsync(string runId, ScopeInventory inventory, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The queue stages through StageScopesAsync only.");

        public Task BeginStagedRunAsync(StagedRunPlan plan, CancellationToken cancellationToken) => inner.BeginStagedRunAsync(plan, cancellationToken);

        public Task<StagingProgress?> AddPlannedScopesAsync(string runId, IReadOnlyList<Scope> scopes, CancellationToken cancellationToken) =>
            inner.AddPlannedScopesAsync(runId, scopes, cancellationToken);

        public Task<StagingProgress?> EndPlanningAsync(string runId, IReadOnlyList<ScopeResult> failures, CancellationToken cancellationToken) =>
            inner.EndPlanningAsync(runId, failures, cancellationToken);

        public Task<StagedRun?> GetStagedRunAsync(string runId, CancellationToken cancellationToken) => inner.GetStagedRunAsync(runId, cancellationToken);

        public Task<IReadOnlyList<StagingProgress>> ListStagedRunsAsync(CancellationToken cancellationToken) => inner.ListStagedRunsAsync(cancellationToken);

        public Task<bool> CommitStagedRunAsync(ScanRun run, PolicyEvaluation? evaluation, AuditRunRecord? audit, CancellationToken cancellationToken) =>
            inner.CommitStagedRunAsync(run, evaluation, audit, cancellationToken);

        public Task AbandonStagedRunAsync(string runId, CancellationToken cancellationToken) => inner.AbandonStagedRunAsync(runId, cancellationToken);
    }
}
