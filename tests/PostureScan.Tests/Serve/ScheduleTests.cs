using Microsoft.Extensions.Time.Testing;
using PostureScan.Serve;
using PostureScan.TestKit;
using Quartz;

namespace PostureScan.Tests.Serve;

/// <summary>The scan schedule on a fake clock: fires at its time, catches up once after downtime, never overlaps.</summary>
public sealed class ScheduleTests
{
    private static readonly DateTimeOffset Evening = new(2026, 11, 26, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_nightly_trigger_fires_the_scan_job_at_its_time_and_not_before()
    {
        using var dir = new TemporaryDirectory();
        var clock = new FakeTimeProvider(Evening);
        var source = new ControlledSource();
        await using var host = await ServeTestHost.StartAsync(dir.File("serve.db"), clock, source);

        var trigger = (ICronTrigger?)await (await host.SchedulerAsync()).GetTrigger(ScanSchedule.TriggerKey);
        Assert.NotNull(trigger);
        Assert.Equal(ScanJob.Key, trigger.JobKey);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero), trigger.NextFireTimeUtc);

        clock.Advance(TimeSpan.FromHours(2.9));
        await Task.Delay(300);
        Assert.Empty(await host.Store.ListRunsAsync(CancellationToken.None));

        clock.Advance(TimeSpan.FromHours(0.1));
        Assert.Equal(1, await host.WaitForRunsAsync(1));
        var run = await host.Store.GetLatestRunAsync(CancellationToken.None);
        Assert.NotNull(run);
        Assert.Equal(2, run.Scopes.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero), run.StartedAt);
        Assert.Equal(2, source.Collections);
    }

    [Fact]
    public async Task After_days_of_downtime_the_missed_scan_runs_once_and_the_schedule_survives_the_restart()
    {
        using var dir = new TemporaryDirectory();
        var database = dir.File("serve.db");
        var clock = new FakeTimeProvider(Evening);
        var source = new ControlledSource();

        await using (var first = await ServeTestHost.StartAsync(database, clock, source))
        {
            await first.StopAsync();
        }

        // Three nightly times pass while nothing runs.
        clock.Advance(TimeSpan.FromDays(3));

        await using var second = await ServeTestHost.StartAsync(database, clock, source);
        Assert.Equal(1, await second.WaitForRunsAsync(1));
        await Task.Delay(500);
        Assert.Single(await second.Store.ListRunsAsync(CancellationToken.None));
        Assert.Equal(2, source.Collections);

        // The stored trigger was kept (not replaced) and proceeds to the next night.
        var trigger = await (await second.SchedulerAsync()).GetTrigger(ScanSchedule.TriggerKey);
        Assert.NotNull(trigger);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero), trigger.NextFireTimeUtc);
        Assert.Equal(Evening, trigger.StartTimeUtc);
    }

    [Fact]
    public async Task Restarting_serve_keeps_the_schedule_and_the_last_run()
    {
        using var dir = new TemporaryDirectory();
        var database = dir.File("serve.db");
        var clock = new FakeTimeProvider(Evening);
        var source = new ControlledSource();
        string runId;

        await using (var first = await ServeTestHost.StartAsync(database, clock, source))
        {
            clock.Advance(TimeSpan.FromHours(3));
            Assert.Equal(1, await first.WaitForRunsAsync(1));
            runId = (await first.Store.GetLatestRunAsync(CancellationToken.None))!.Id;
        }

        clock.Advance(TimeSpan.FromHours(1));
        await using var second = await ServeTestHost.StartAsync(database, clock, source);
        var trigger = await (await second.SchedulerAsync()).GetTrigger(ScanSchedule.TriggerKey);
        Assert.NotNull(trigger);
        Assert.Equal(Evening, trigger.StartTimeUtc);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero), trigger.PreviousFireTimeUtc);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero), trigger.NextFireTimeUtc);
        Assert.Equal(runId, (await second.Store.GetLatestRunAsync(CancellationToken.None))!.Id);
        await Task.Delay(300);
        Assert.Single(await second.Store.ListRunsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_scan_firing_while_a_run_is_still_collecting_is_skipped_not_doubled()
    {
        using var dir = new TemporaryDirectory();
        var clock = new FakeTimeProvider(Evening);
        var source = new ControlledSource();
        await using var host = await ServeTestHost.StartAsync(dir.File("serve.db"), clock, source);
        var scheduler = await host.SchedulerAsync();

        source.Hold();
        await scheduler.TriggerJob(ScanJob.Key);
        await source.Entered.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await scheduler.TriggerJob(ScanJob.Key);
        await Task.Delay(500);

        // One run open, its two scopes in flight; the second firing found it and started nothing.
        Assert.Single(await host.Store.ListStagedRunsAsync(CancellationToken.None));
        Assert.Equal(2, source.Collections);
        Assert.Empty(await host.Store.ListRunsAsync(CancellationToken.None));

        source.Release();
        Assert.Equal(1, await host.WaitForRunsAsync(1));
        await Task.Delay(300);
        Assert.Single(await host.Store.ListRunsAsync(CancellationToken.None));
        Assert.Equal(2, source.Collections);
        Assert.Empty(await host.Store.ListStagedRunsAsync(CancellationToken.None));
    }
}
