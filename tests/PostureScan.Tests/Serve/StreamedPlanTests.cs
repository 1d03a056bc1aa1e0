using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.Serve;
using PostureScan.TestKit;
using Quartz;

namespace PostureScan.Tests.Serve;

/// <summary>
/// A run's plan grows with its discovery: an account's job is fired as soon as its scopes are found, the run is
/// committed only once discovery has ended, and a plan its node left unfinished is finished by the recovered scan
/// job, or, never finished, stores its providers as failed rather than as empty.
/// </summary>
public sealed class StreamedPlanTests
{
    [Fact]
    public async Task An_account_found_first_is_collected_while_discovery_goes_on_and_the_run_commits_only_after_the_plan_ends()
    {
        using var bed = new ServeTestBed(new ControlledSource { HoldsSecondAccount = true });
        await using var host = await bed.StartAsync();
        await (await host.SchedulerAsync()).TriggerJob(ScanJob.Key);

        // Discovery waits before the second account, and the first account's scopes are collected and staged meanwhile.
        await bed.Source.SecondAccountWaiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
        StagingProgress? progress = null;
        Assert.True(await ServeTestHost.WaitUntilAsync(async () =>
            (progress = (await host.Store.ListStagedRunsAsync(CancellationToken.None)).SingleOrDefault()) is { Staged: 2 }));
        Assert.Equal((2, true, false), (progress!.Planned, progress.Planning, progress.IsComplete));

        // Every planned scope is staged, but the plan is open: the run is not committed.
        await Task.Delay(500);
        Assert.Empty(await host.Store.ListRunsAsync(CancellationToken.None));

        bed.Source.ReleaseSecondAccount();
        Assert.Equal(1, await host.WaitForRunsAsync(1));
        var run = await host.Store.GetRunAsync(progress.RunId, CancellationToken.None);
        Assert.Equal(ByKey(ControlledSource.West, ControlledSource.East, ControlledSource.North), run!.Scopes.Select(s => s.Scope));
        Assert.All(run.Scopes, s => Assert.Equal(ScopeStatus.Ok, s.Status));
        Assert.Equal(3, bed.Source.Collections);
        Assert.Empty(await host.Store.ListStagedRunsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_plan_its_node_left_open_is_not_committed_at_start_and_its_recovered_scan_job_plans_the_rest()
    {
        using var bed = new ServeTestBed();
        await RecoverAnOpenPlanAsync(bed, postgres: null);
    }

    [Fact]
    public async Task A_run_that_times_out_still_planning_stores_its_providers_as_failed_beside_what_it_collected()
    {
        using var bed = new ServeTestBed();
        await using var host = await bed.StartAsync(s => s.RunTimeoutMinutes = 30);
        var runId = await BeginOpenPlanAsync(host, bed);

        // Never recovered (its scan job gone with the node's store, say): the next firing after the timeout closes it.
        bed.Clock.Advance(TimeSpan.FromMinutes(45));
        await (await host.SchedulerAsync()).TriggerJob(ScanJob.Key);
        Assert.Equal(2, await host.WaitForRunsAsync(2));

        var closed = await host.Store.GetRunAsync(runId, CancellationToken.None);
        Assert.Equal(ScopeStatus.Ok, Assert.Single(closed!.Scopes, s => s.Scope == ControlledSource.West).Status);
        var undiscovered = Assert.Single(closed.Scopes, s => s.Scope == new Scope(Providers.Aws, "*", "*"));
        Assert.Equal((ScopeStatus.Failed, ScopeErrorKind.Cancelled, StagedRun.UndiscoveredReason), (undiscovered.Status, undiscovered.ErrorKind, undiscovered.Error));
        Assert.Equal(2, closed.Scopes.Count);
    }

    /// <summary>
    /// A run whose node stopped mid-plan: West planned and staged, East not yet discovered. The node that starts does
    /// not commit it (nothing is pending, but the plan is open); the scan job's recovery discovers again, plans and
    /// collects East alone, and ends the plan, which commits the run.
    /// </summary>
    internal static async Task RecoverAnOpenPlanAsync(ServeTestBed bed, string? postgres)
    {
        ArgumentNullException.ThrowIfNull(bed);
        await using var host = await bed.StartAsync(postgres: postgres);
        var runId = await BeginOpenPlanAsync(host, bed);

        // As at a node's start: the resumer finds the run with nothing pending and leaves it open.
        Assert.Equal(1, await host.Service<StagedRunResumer>().ResumeAsync(await host.SchedulerAsync(), CancellationToken.None));
        await Task.Delay(500);
        Assert.Empty(await host.Store.ListRunsAsync(CancellationToken.None));

        Assert.Null(await host.Service<ScanPlanner>().StartAsync(await host.SchedulerAsync(), recovering: true, CancellationToken.None));
        Assert.Equal(1, await host.WaitForRunsAsync(1));
        var run = await host.Store.GetRunAsync(runId, CancellationToken.None);
        Assert.Equal(ByKey(ControlledSource.West, ControlledSource.East), run!.Scopes.Select(s => s.Scope));
        Assert.All(run.Scopes, s => Assert.Equal(ScopeStatus.Ok, s.Status));
        Assert.Equal(1, bed.Source.Collections);

        // The recovered firing carried the run on: the run counts once, when stored, and no scan counts as skipped.
        var metrics = await MetricsScrape.ReadAsync(host);
        Assert.Equal(1, metrics["posturescan_scans_total{outcome=\"complete\"}"]);
        Assert.Equal(0, metrics["posturescan_scans_total{outcome=\"skipped\"}"]);
    }

    /// <summary>Scopes in the order a stored run lists them.</summary>
    private static IEnumerable<Scope> ByKey(params Scope[] scopes) => scopes.OrderBy(s => s.Key, StringComparer.Ordinal);

    /// <summary>Stores a run whose plan is open, with West planned and staged; returns its id.</summary>
    private static async Task<string> BeginOpenPlanAsync(ServeTestHost host, ServeTestBed bed)
    {
        var plan = new StagedRunPlan("run-open-plan", bed.Clock.GetUtcNow(), [Providers.Aws], [ControlledSource.West], [], Planning: true);
        await host.Store.BeginStagedRunAsync(plan, CancellationToken.None);
        await host.Store.StageScopeAsync(plan.RunId, new ScopeInventory(ScopeResult.Ok(ControlledSource.West, 3, TimeSpan.FromMilliseconds(1)), []), CancellationToken.None);
        return plan.RunId;
    }
}
