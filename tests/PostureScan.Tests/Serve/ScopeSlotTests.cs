using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.Hosting;
using PostureScan.Serve;
using Quartz;

namespace PostureScan.Tests.Serve;

/// <summary>
/// A node's scope slots: the scopes of the accounts it runs take turns for them, it asks Quartz for another account
/// only while one is idle, and a recovered account collects only what its run still has pending.
/// </summary>
public sealed class ScopeSlotTests
{
    [Fact]
    public async Task A_node_whose_slots_are_all_taken_leaves_the_next_account_to_other_nodes()
    {
        using var bed = new ServeTestBed();
        await using var host = await bed.StartAsync(maxConcurrency: 1);
        var scheduler = await host.SchedulerAsync();
        var plan = new StagedRunPlan("run-slots", bed.Clock.GetUtcNow(), [Providers.Aws], [ControlledSource.West, ControlledSource.East, ControlledSource.North], []);
        await host.Store.BeginStagedRunAsync(plan, CancellationToken.None);
        bed.Source.Hold();

        // West holds the one slot and East waits for it: the node is busy, so North's account is not taken.
        var firing = await AccountFiring.StartAsync(scheduler, plan.RunId, [], bed.Clock, CancellationToken.None);
        await firing.FireAsync(AccountFiring.ByAccount(plan.Scopes), CancellationToken.None);
        Assert.True(await ServeTestHost.WaitUntilAsync(() => Task.FromResult(bed.Source.Collections == 1)));
        await Task.Delay(500);
        Assert.Equal(1, (await scheduler.GetMetadata()).LocalExecutingJobs);
        Assert.Equal(1, bed.Source.Collections);

        bed.Source.Release();
        Assert.Equal(1, await host.WaitForRunsAsync(1));
        var run = await host.Store.GetRunAsync(plan.RunId, CancellationToken.None);
        Assert.Equal(3, run!.Scopes.Count(s => s.Status == ScopeStatus.Ok));
        Assert.Equal(1, bed.Source.MostAtOnce);
    }

    [Fact]
    public async Task A_recovered_account_collects_only_the_scopes_its_run_still_has_pending()
    {
        using var bed = new ServeTestBed();
        await using var host = await bed.StartAsync();
        var scheduler = await host.SchedulerAsync();
        var plan = new StagedRunPlan("run-recovered", bed.Clock.GetUtcNow(), [Providers.Aws], [ControlledSource.West, ControlledSource.East], []);
        await host.Store.BeginStagedRunAsync(plan, CancellationToken.None);
        await host.Store.StageScopeAsync(plan.RunId, new ScopeInventory(ScopeResult.Ok(ControlledSource.West, 5, TimeSpan.FromSeconds(1)), []), CancellationToken.None);

        // The firing its dead node had begun: West was staged before the node stopped, East was not.
        await host.Service<ScopeCollector>().CollectAccountAsync(scheduler, plan.RunId, [ControlledSource.West, ControlledSource.East], recovering: true, CancellationToken.None);

        Assert.Equal(1, bed.Source.Collections);
        Assert.Equal(1, await host.WaitForRunsAsync(1));
        var run = await host.Store.GetRunAsync(plan.RunId, CancellationToken.None);
        Assert.Equal(5, Assert.Single(run!.Scopes, s => s.Scope == ControlledSource.West).ApiCalls);
    }

    [Fact]
    public async Task The_scheduler_runs_its_jobs_on_the_slot_gated_pool_with_a_worker_per_slot_and_three_more()
    {
        using var bed = new ServeTestBed();
        await using var host = await bed.StartAsync(maxConcurrency: 6);

        var metadata = await (await host.SchedulerAsync()).GetMetadata();

        Assert.StartsWith(typeof(SlotGatedThreadPool).FullName + ",", metadata.ThreadPoolTypeName, StringComparison.Ordinal);
        Assert.Equal(ServeSchedule.Threads(new ScanSettings { MaxConcurrency = 6 }), metadata.ThreadPoolSize);
        Assert.Equal(9, metadata.ThreadPoolSize);
    }

    [Fact]
    public async Task Waiting_for_an_idle_slot_ends_when_one_is_given_back_and_gives_zero_when_cancelled()
    {
        using var slots = new ScopeSlots(new ScanSettings { MaxConcurrency = 2 });
        Assert.Equal(2, await slots.WaitForIdleAsync(CancellationToken.None));
        var first = await slots.TakeAsync(CancellationToken.None);
        var second = await slots.TakeAsync(CancellationToken.None);
        Assert.Equal(0, slots.Idle);

        var idle = slots.WaitForIdleAsync(CancellationToken.None).AsTask();
        await Task.Delay(100);
        Assert.False(idle.IsCompleted);
        first.Dispose();
        first.Dispose(); // a lease gives its slot back once
        Assert.Equal(1, await idle.WaitAsync(TimeSpan.FromSeconds(5)));

        var third = await slots.TakeAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        Assert.Equal(0, await slots.WaitForIdleAsync(cancel.Token));
        second.Dispose();
        third.Dispose();
        Assert.Equal(2, slots.Idle);
    }
}
