using PostureScan.Serve;
using Quartz;

namespace PostureScan.Tests.Serve;

/// <summary>The scan schedule on a fake clock: fires at its time, catches up once after downtime, never overlaps.</summary>
public sealed class ScheduleTests
{
    [Fact]
    public async Task The_nightly_trigger_fires_the_scan_job_at_its_time_and_not_before()
    {
        using var bed = new ServeTestBed();
        await using var host = await bed.StartAsync();

        var trigger = (ICronTrigger?)await (await host.SchedulerAsync()).GetTrigger(ScanSchedule.TriggerKey);
        Assert.NotNull(trigger);
        Assert.Equal(ScanJob.Key, trigger.JobKey);
        Assert.Equal(ServeTestBed.NightlyScan, trigger.NextFireTimeUtc);

        bed.Clock.Advance(TimeSpan.FromHours(2.9));
        await Task.Delay(300);
        Assert.Empty(await host.Store.ListRunsAsync(CancellationToken.None));

        bed.Clock.Advance(TimeSpan.FromHours(0.1));
        Assert.Equal(1, await host.WaitForRunsAsync(1));
        var run = await host.Store.GetLatestRunAsync(CancellationToken.None);
        Assert.NotNull(run);
        Assert.Equal(2, run.Scopes.Count);
        Assert.Equal(ServeTestBed.NightlyScan, run.StartedAt);
        Assert.Equal(2, bed.Source.Collections);
    }

    [Fact]
    public async Task After_days_of_downtime_the_missed_scan_runs_once_and_the_schedule_survives_the_restart()
    {
        using var bed = new ServeTestBed();
        await using (var first = await bed.StartAsync())
        {
            await first.StopAsync();
        }

        // Three nightly times pass while nothing runs.
        bed.Clock.Advance(TimeSpan.FromDays(3));

        await using var second = await bed.StartAsync();
        Assert.Equal(1, await second.WaitForRunsAsync(1));
        await Task.Delay(500);
        Assert.Single(await second.Store.ListRunsAsync(CancellationToken.None));
        Assert.Equal(2, bed.Source.Collections);

        // The stored trigger was kept (not replaced) and proceeds to the next night.
        var trigger = await (await second.SchedulerAsync()).GetTrigger(ScanSchedule.TriggerKey);
        Assert.NotNull(trigger);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero), trigger.NextFireTimeUtc);
        Assert.Equal(ServeTestBed.Evening, trigger.StartTimeUtc);
    }

    [Fact]
    public async Task Restarting_serve_keeps_the_schedule_and_the_last_run()
    {
        using var bed = new ServeTestBed();
        string runId;
        await using (var first = await bed.StartAsync())
        {
            bed.Clock.Advance(TimeSpan.FromHours(3));
            Assert.Equal(1, await first.WaitForRunsAsync(1));
            runId = (await first.Store.GetLatestRunAsync(CancellationToken.None))!.Id;
        }

        bed.Clock.Advance(TimeSpan.FromHours(1));
        await using var second = await bed.StartAsync();
        var trigger = await (await second.SchedulerAsync()).GetTrigger(ScanSchedule.TriggerKey);
        Assert.NotNull(trigger);
        Assert.Equal(ServeTestBed.Evening, trigger.StartTimeUtc);
        Assert.Equal(ServeTestBed.NightlyScan, trigger.PreviousFireTimeUtc);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero), trigger.NextFireTimeUtc);
        Assert.Equal(runId, (await second.Store.GetLatestRunAsync(CancellationToken.None))!.Id);
        await Task.Delay(300);
        Assert.Single(await second.Store.ListRunsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_scan_firing_while_a_run_is_still_collecting_is_skipped_not_doubled()
    {
        using var bed = new ServeTestBed();
        await using var host = await bed.StartAsync();

        await bed.FireHeldScanAsync(host);
        await (await host.SchedulerAsync()).TriggerJob(ScanJob.Key);
        await Task.Delay(500);

        // One run open, its two scopes in flight; the second firing found it and started nothing.
        Assert.Single(await host.Store.ListStagedRunsAsync(CancellationToken.None));
        Assert.Equal(2, bed.Source.Collections);
        Assert.Empty(await host.Store.ListRunsAsync(CancellationToken.None));

        bed.Source.Release();
        Assert.Equal(1, await host.WaitForRunsAsync(1));
        await Task.Delay(300);
        Assert.Single(await host.Store.ListRunsAsync(CancellationToken.None));
        Assert.Equal(2, bed.Source.Collections);
        Assert.Empty(await host.Store.ListStagedRunsAsync(CancellationToken.None));
    }
}
