using PostureScan.Core.Scanning;
using PostureScan.Serve;
using PostureScan.TestKit;
using Quartz;

namespace PostureScan.Tests.Serve;

/// <summary>
/// How a cluster's planner fires a run's account jobs on real PostgreSQL, where new jobs and triggers are stored
/// without the job store's lock: an account's first run stores its job, later runs its trigger alone, and an
/// account still being collected for an earlier run gets a trigger that waits for that collection; and the trigger table's
/// statistics are refreshed once a run's triggers are stored.
/// </summary>
[Collection(PostgresDatabases.Name)]
public sealed class ClusterFiringTests(PostgresServer server)
{
    [Fact]
    public async Task A_second_run_fires_the_stored_account_job_again_and_every_scope_is_collected_once_per_run()
    {
        using var bed = new ServeTestBed();
        await using var host = await bed.StartAsync(postgres: await server.CreateDatabaseAsync());
        var scheduler = await host.SchedulerAsync();

        await scheduler.TriggerJob(ScanJob.Key);
        Assert.Equal(1, await host.WaitForRunsAsync(1));
        await scheduler.TriggerJob(ScanJob.Key);
        Assert.Equal(2, await host.WaitForRunsAsync(2));

        Assert.Equal(4, bed.Source.Collections);
        foreach (var summary in await host.Store.ListRunsAsync(CancellationToken.None))
        {
            var run = await host.Store.GetRunAsync(summary.Id, CancellationToken.None);
            Assert.Equal([ScopeStatus.Ok, ScopeStatus.Ok], run!.Scopes.Select(s => s.Status));
        }

        // One durable job for the account of both scopes, stored by the first run and fired by both; no trigger is left behind.
        var accountJobs = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ServeJobKeys.AccountGroup));
        Assert.Equal(ServeJobKeys.AccountJob(ControlledSource.West), Assert.Single(accountJobs));
        Assert.True(await ServeTestHost.WaitUntilAsync(async () =>
            (await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(ServeJobKeys.AccountGroup))).Count == 0));
    }

    [Fact]
    public async Task A_scope_still_collected_for_a_timed_out_run_is_collected_for_the_next_only_after_it_finishes()
    {
        using var bed = new ServeTestBed();
        await using var host = await bed.StartAsync(s => s.RunTimeoutMinutes = 30, await server.CreateDatabaseAsync());
        var scheduler = await host.SchedulerAsync();
        var first = await bed.FireHeldScanAsync(host);

        // The first run outlives its timeout with both collections held: the next firing closes it and fires
        // both scopes again while their jobs are still running.
        bed.Clock.Advance(TimeSpan.FromMinutes(45));
        await scheduler.TriggerJob(ScanJob.Key);
        string? second = null;
        Assert.True(await ServeTestHost.WaitUntilAsync(async () =>
            (second = (await host.Store.ListStagedRunsAsync(CancellationToken.None)).SingleOrDefault(r => r.RunId != first)?.RunId) is not null));
        Assert.Equal(1, await host.WaitForRunsAsync(1));
        await Task.Delay(500);
        Assert.Equal(2, bed.Source.Collections);

        bed.Source.Release();
        Assert.Equal(2, await host.WaitForRunsAsync(2));
        Assert.Equal(4, bed.Source.Collections);
        Assert.Equal(1, bed.Source.MostAtOnceFor(ControlledSource.West));
        Assert.Equal(1, bed.Source.MostAtOnceFor(ControlledSource.East));

        var closed = await host.Store.GetRunAsync(first, CancellationToken.None);
        Assert.All(closed!.Scopes, s => Assert.Equal(ScopeStatus.Failed, s.Status));
        var next = await host.Store.GetRunAsync(second!, CancellationToken.None);
        Assert.All(next!.Scopes, s => Assert.Equal(ScopeStatus.Ok, s.Status));
    }

    [Fact]
    public async Task A_plan_its_node_left_open_is_finished_by_the_recovered_scan_job_its_account_fired_again_in_a_part_of_its_own()
    {
        using var bed = new ServeTestBed();
        await StreamedPlanTests.RecoverAnOpenPlanAsync(bed, await server.CreateDatabaseAsync());
    }

    [Fact]
    public async Task Planning_a_run_refreshes_the_trigger_tables_statistics_once_its_triggers_are_stored()
    {
        using var bed = new ServeTestBed();
        var database = await server.CreateDatabaseAsync();
        await using var host = await bed.StartAsync(postgres: database);
        var scheduler = await host.SchedulerAsync();
        Assert.Equal(0, await AnalyzeCountAsync(database));

        await scheduler.TriggerJob(ScanJob.Key);
        Assert.Equal(1, await host.WaitForRunsAsync(1));

        // Counted once the analyzing session reports it; autovacuum's own analyzes are counted apart.
        Assert.True(await ServeTestHost.WaitUntilAsync(async () => await AnalyzeCountAsync(database) == 1));
    }

    private static async Task<long> AnalyzeCountAsync(string database)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'qrtz_triggers'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
