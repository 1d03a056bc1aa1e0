using Quartz;

namespace PostureScan.Serve;

/// <summary>
/// The Quartz adapter of <see cref="AuditIngestRunner"/>: one durable job per configured audit source, never
/// two at once for one source (both would read from the same checkpoint).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class AuditIngestJob(AuditIngestRunner runner, ServeMetrics metrics) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var source = context.MergedJobDataMap.GetString(ServeJobKeys.Source)!;
        try
        {
            await runner.IngestAsync(source, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
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
