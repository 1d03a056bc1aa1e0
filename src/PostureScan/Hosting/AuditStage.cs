using PostureScan.Core.Attribution;
using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Ingestion;
using PostureScan.Core.Scanning;

namespace PostureScan.Hosting;

/// <summary>
/// The audit half of a scan, after the inventory: read the configured audit sources from their checkpoints,
/// then attribute every session and part. Audit failures are recorded, never thrown.
/// </summary>
internal sealed class AuditStage(IReadOnlyList<IAuditSource> sources, TimeSpan lookback, TimeProvider time)
{
    public async Task<AuditRunRecord> RunAsync(ScanRun run, IRunStore runs, IAuditStore store, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ingestion = await new AuditIngestor(sources, store, lookback)
            .IngestAsync([.. run.Scopes.Select(s => s.Scope)], now, cancellationToken);
        var previous = await runs.GetLatestRunAsync(cancellationToken);
        var report = AttributionCorrelator.Correlate(new CorrelationInput(
            run.Sessions, ingestion.AllEvents, ingestion.Coverage, now - lookback, CreationBounds.From(previous, run)));
        return ingestion.ToRecord(report);
    }
}
