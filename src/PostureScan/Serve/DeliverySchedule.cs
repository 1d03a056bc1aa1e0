using Microsoft.Extensions.Hosting;
using PostureScan.Hosting;
using Quartz;

namespace PostureScan.Serve;

/// <summary>Puts the delivery job and its interval trigger into the job store at start-up (only when a sink is configured).</summary>
internal sealed class DeliverySchedule(ISchedulerFactory factory, DeliveryRuntime delivery, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<DeliveryJob>().WithIdentity(DeliveryJob.Key).StoreDurably().Build();
        await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);

        // A missed interval is not made up: the next pass sends everything pending anyway.
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(DeliveryJob.Interval)
            .ForJob(DeliveryJob.Key)
            .StartAt(time.GetUtcNow())
            .WithSimpleSchedule(s => s
                .WithInterval(TimeSpan.FromSeconds(delivery.Settings.IntervalSeconds))
                .RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
