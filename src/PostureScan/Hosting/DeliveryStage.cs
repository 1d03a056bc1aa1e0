using PostureScan.Core.Delivery;
using PostureScan.Delivery.Outbox;

namespace PostureScan.Hosting;

/// <summary>
/// The delivery step of the CLI: after the run is stored (its events queued with it), one pass over the outbox,
/// for at most <c>Delivery:ScanWaitSeconds</c>. It never fails the command: whatever is not delivered stays queued
/// for the next scan, <c>serve</c>, or <c>outbox retry</c>.
/// </summary>
internal static class DeliveryStage
{
    public static async Task<IReadOnlyList<SinkDrainResult>> RunAsync(DeliveryRuntime delivery, IDeliveryOutbox outbox, TimeProvider time, TextWriter log, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(TimeSpan.FromSeconds(delivery.Settings.ScanWaitSeconds));
        try
        {
            var results = await delivery.Dispatcher(outbox, time, new TextLogger(log)).DrainAsync(wait.Token);
            foreach (var r in results)
            {
                await log.WriteLineAsync(
                    $"Delivery to {r.Sink}: {r.Delivered} delivered, {r.DeadLettered} dead-lettered{(r.Stopped ? "; the rest stays queued" : "")}");
            }

            return results;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await log.WriteLineAsync($"Delivery stopped ({delivery.Sinks.Redactor.Redact(ex.GetType().Name + ": " + ex.Message)}); the events stay queued");
            return [];
        }
    }
}
