using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.Serve;
using Quartz;

namespace PostureScan.Tests.Serve;

/// <summary>
/// One job per account, its scopes side by side: no overlap for a scope, staged results, a run committed whole
/// across a stop.
/// </summary>
public sealed class AccountJobTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)] // Serve:TriggerBatchSize: several triggers acquired and fired per turn of the lock
    public async Task Concurrent_triggers_of_one_scope_do_not_overlap_and_the_run_is_stored_once(int triggerBatch)
    {
        using var bed = new ServeTestBed();
        var source = bed.Source;
        await using var host = await bed.StartAsync(s => s.TriggerBatchSize = triggerBatch);
        Assert.Equal(triggerBatch, host.Service<Microsoft.Extensions.Options.IOptions<QuartzSchedulerOptions>>().Value.MaxBatchSize);
        var scheduler = await host.SchedulerAsync();
        var runId = await bed.FireHeldScanAsync(host);

        // The same scope fired twice more while its first collection is held: both must wait for it.
        var west = ServeJobKeys.AccountJob(ControlledSource.West);
        var data = new JobDataMap { [ServeJobKeys.RunId] = runId, [ServeJobKeys.Regions] = ServeJobKeys.WriteRegions([ControlledSource.West]) };
        await scheduler.TriggerJob(west, data);
        await scheduler.TriggerJob(west, data);
        await Task.Delay(500);
        Assert.Equal(2, source.Collections);

        source.Release();
        Assert.Equal(1, await host.WaitForRunsAsync(1));
        Assert.True(await ServeTestHost.WaitUntilAsync(() => Task.FromResult(source.Collections == 4)));
        await Task.Delay(300);

        Assert.Equal(1, source.MostAtOnceFor(ControlledSource.West));
        Assert.Equal(2, source.MostAtOnce); // the account's two scopes, side by side in its one job
        var run = Assert.Single(await host.Store.ListRunsAsync(CancellationToken.None));
        Assert.Equal(runId, run.Id);
        Assert.Equal(2, run.Scopes);
        Assert.Empty(await host.Store.ListStagedRunsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task By_default_account_triggers_are_acquired_one_per_turn_of_the_job_stores_lock()
    {
        // A batch is acquired and fired inside one turn of the lock, and on a cluster the other nodes wait on
        // that turn (bench/README.md); a single node may configure batches.
        using var bed = new ServeTestBed();
        await using var host = await bed.StartAsync();

        Assert.Equal(1, host.Service<Microsoft.Extensions.Options.IOptions<QuartzSchedulerOptions>>().Value.MaxBatchSize);
    }

    [Fact]
    public async Task A_scope_trigger_queued_past_the_misfire_threshold_fires_once_as_soon_as_its_scope_is_free()
    {
        using var bed = new ServeTestBed();
        await using var host = await bed.StartAsync();
        var scheduler = await host.SchedulerAsync();
        var runId = await bed.FireHeldScanAsync(host);

        // Queued behind the held collection of its scope, then left waiting for ten minutes of the clock.
        await AccountFiring.FireAccountAsync(scheduler, runId, [ControlledSource.West], bed.Clock, CancellationToken.None);
        bed.Clock.Advance(TimeSpan.FromMinutes(10));
        bed.Source.Release();

        // Late by far more than the misfire threshold (60 s), it still fires, and once.
        Assert.True(await ServeTestHost.WaitUntilAsync(() => Task.FromResult(bed.Source.Collections == 3)));
        Assert.Equal(1, await host.WaitForRunsAsync(1));
        await Task.Delay(300);
        Assert.Equal(3, bed.Source.Collections);
    }

    [Fact]
    public async Task Stopping_mid_scope_stores_no_run_and_the_next_start_finishes_the_same_run_whole()
    {
        using var bed = new ServeTestBed();
        var source = bed.Source;
        string runId;

        await using (var first = await bed.StartAsync())
        {
            runId = await bed.FireHeldScanAsync(first);
            await first.StopAsync().WaitAsync(TimeSpan.FromSeconds(20));

            // Shutdown abandoned both scopes: nothing committed, both still pending, the file sound.
            Assert.Empty(await first.Store.ListRunsAsync(CancellationToken.None));
            var open = Assert.Single(await first.Store.ListStagedRunsAsync(CancellationToken.None));
            Assert.Equal((2, 0), (open.Planned, open.Staged));
            Assert.Equal("ok", await ((PostureScan.Storage.SqliteRunStore)first.Store).IntegrityCheckAsync(CancellationToken.None));
        }

        source.Release();
        await using var second = await bed.StartAsync();
        Assert.Equal(1, await second.WaitForRunsAsync(1));
        var run = await second.Store.GetRunAsync(runId, CancellationToken.None);
        Assert.NotNull(run);
        Assert.Equal(2, run.Scopes.Count);
        Assert.All(run.Scopes, s => Assert.Equal(ScopeStatus.Ok, s.Status));
        Assert.Equal(4, source.Collections);
        Assert.Empty(await second.Store.ListStagedRunsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Accounts_fired_as_new_whose_job_appeared_meanwhile_are_fired_one_by_one_and_the_run_completes()
    {
        using var bed = new ServeTestBed();
        await using var host = await bed.StartAsync();
        var scheduler = await host.SchedulerAsync();
        Scope[] scopes = [ControlledSource.West, ControlledSource.East, ControlledSource.North];
        var plan = new StagedRunPlan("run-fired-new", bed.Clock.GetUtcNow(), [ControlledSource.West.Provider], scopes, []);
        await host.Store.BeginStagedRunAsync(plan, CancellationToken.None);

        // West's account job was stored after the planner listed the jobs (another node resuming an older run), so
        // the batch of two new accounts is refused whole.
        await scheduler.AddJob(AccountFiring.AccountJobDetail(ControlledSource.West), AddJobOptions.Replacing);

        var firings = AccountFiring.ByAccount(plan.Scopes).Select(account => (account, AccountFiring.AccountTrigger(plan.RunId, account, bed.Clock))).ToList();
        await AccountFiring.FireNewAsync(scheduler, firings, CancellationToken.None);

        Assert.Equal(1, await host.WaitForRunsAsync(1));
        var run = await host.Store.GetRunAsync(plan.RunId, CancellationToken.None);
        Assert.Equal(3, run!.Scopes.Count);
        Assert.All(run.Scopes, s => Assert.Equal(ScopeStatus.Ok, s.Status));
        Assert.Equal(3, bed.Source.Collections);
    }

    [Fact]
    public async Task A_run_left_open_by_a_build_with_a_job_per_scope_is_finished_by_account_jobs_and_the_old_jobs_are_removed()
    {
        using var bed = new ServeTestBed();
        var plan = new StagedRunPlan("run-older-build", bed.Clock.GetUtcNow(), [Providers.Aws], [ControlledSource.West, ControlledSource.East], []);
        await using (var older = await bed.StartAsync())
        {
            // As an older build left it: the run open, and a durable job per scope with a trigger still waiting.
            await older.Store.BeginStagedRunAsync(plan, CancellationToken.None);
            var scheduler = await older.SchedulerAsync();
            var scopeJob = JobBuilder.Create<AccountJob>().WithIdentity("aws|111122223333|eu-west-1", ServeJobKeys.RetiredScopeGroup).StoreDurably().Build();
            var waiting = TriggerBuilder.Create().ForJob(scopeJob).StartAt(bed.Clock.GetUtcNow().AddDays(1)).Build();
            await scheduler.ScheduleJob(scopeJob, waiting);
        }

        await using var host = await bed.StartAsync();
        Assert.Equal(1, await host.WaitForRunsAsync(1));
        var run = await host.Store.GetRunAsync(plan.RunId, CancellationToken.None);
        Assert.Equal([ScopeStatus.Ok, ScopeStatus.Ok], run!.Scopes.Select(s => s.Status));
        Assert.Equal(2, bed.Source.Collections);
        Assert.Empty(await (await host.SchedulerAsync()).GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ServeJobKeys.RetiredScopeGroup)));
    }

    [Fact]
    public async Task A_scope_that_fails_is_stored_as_failed_beside_the_scopes_that_succeeded()
    {
        using var bed = new ServeTestBed(new ControlledSource { FailingRegion = ControlledSource.East.Region });
        await using var host = await bed.StartAsync();

        bed.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(1, await host.WaitForRunsAsync(1));

        var run = await host.Store.GetLatestRunAsync(CancellationToken.None);
        Assert.NotNull(run);
        Assert.True(run.IsPartial);
        var east = Assert.Single(run.Scopes, s => s.Scope == ControlledSource.East);
        Assert.Equal(ScopeStatus.Failed, east.Status);
        Assert.Contains("nonsense", east.Error, StringComparison.Ordinal);
        Assert.Equal(ScopeStatus.Ok, Assert.Single(run.Scopes, s => s.Scope == ControlledSource.West).Status);
    }

    [Fact]
    public async Task The_report_is_written_after_each_scan_and_the_nightly_report_at_its_own_time()
    {
        using var bed = new ServeTestBed();
        var afterScan = bed.File("reports/latest.md");
        var nightly = bed.File("reports/nightly-{date}.html");
        await using var host = await bed.StartAsync(s =>
        {
            s.ReportPath = afterScan;
            s.ReportFormat = "md";
            s.NightlyReportPath = nightly;
            s.NightlyReportCron = "0 0 6 * * ?";
        });

        bed.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(1, await host.WaitForRunsAsync(1));
        var runId = (await host.Store.GetLatestRunAsync(CancellationToken.None))!.Id;
        Assert.True(await ServeTestHost.WaitUntilAsync(() => Task.FromResult(File.Exists(afterScan))));
        Assert.Contains(runId, await File.ReadAllTextAsync(afterScan), StringComparison.Ordinal);
        var nightlyFile = bed.File("reports/nightly-2026-11-27.html");
        Assert.False(File.Exists(nightlyFile));

        bed.Clock.Advance(TimeSpan.FromHours(4));
        Assert.True(await ServeTestHost.WaitUntilAsync(() => Task.FromResult(File.Exists(nightlyFile))));
        Assert.Contains(runId, await File.ReadAllTextAsync(nightlyFile), StringComparison.Ordinal);
    }
}
