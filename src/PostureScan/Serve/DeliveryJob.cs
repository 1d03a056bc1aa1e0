using PostureScan.Delivery.Outbox;
using Quartz;

namespace PostureScan.Serve;

/// <summary>
/// The Quartz adapter of <see cref="OutboxDispatcher"/>: one pass over the outbox on a short interval. One at a
/// time (across the cluster too), so two passes never send the same rows side by side.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class DeliveryJob(OutboxDispatcher dispatcher) : IJob
{
    public static readonly JobKey Key = new("delivery", ServeJobKeys.Group);

    public static readonly TriggerKey Interval = new("delivery-interval", ServeJobKeys.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Stopping leaves the batch in flight pending; it is sent again, with the same keys, at the next start.
        await dispatcher.DrainAsync(cancellationToken);
    }
}
