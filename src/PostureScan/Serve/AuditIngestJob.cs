using Microsoft.Extensions.Hosting;
using Quartz;

namespace PostureScan.Serve;

/// <summary>
/// The Quartz adapter of <see cref="AuditIngestRunner"/>: one durable job per configured audit source, never
/// two at once for one source (both would read from the same checkpoint).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class AuditIngestJob(AuditIngestRunner runner, ServeMetrics metrics, IHostApplicationLifetime lifetime) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var source = context.MergedJobDataMap.GetString(ServeJobKeys.Source)!;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            await runner.IngestAsync(source, linked.Token);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // Nothing was stored: the checkpoints still point where this read started.
            metrics.Ingested(source, ServeMetrics.Abandoned, 0, null);
            throw;
        }
        catch (Exception)
        {
            metrics.Ingested(source, ServeMetrics.Failed, 0, null);
            throw;
        }
    }
}
