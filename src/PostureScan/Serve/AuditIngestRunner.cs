using System.Globalization;
using Microsoft.Extensions.Logging;
using PostureScan.Core.Audit.Ingestion;
using PostureScan.Core.Inventory;

namespace PostureScan.Serve;

/// <summary>
/// Ingestion of one audit source between scans: reads on from the source's checkpoints over the scopes of
/// the latest run, and stores the new events, checkpoints and coverage in one transaction. The next commit
/// then attributes from what is already stored. Events are keyed, so a window read twice stores nothing twice.
/// </summary>
internal sealed partial class AuditIngestRunner(
    AuditSourceFactory sources,
    ServeStore store,
    TimeProvider time,
    ServeMetrics metrics,
    ILogger<AuditIngestRunner> logger)
{
    public async Task<AuditIngestion?> IngestAsync(string sourceName, CancellationToken cancellationToken)
    {
        var source = sources.Create().FirstOrDefault(s => string.Equals(s.Name, sourceName, StringComparison.Ordinal));
        if (source is null)
        {
            // The configuration changed since the job was stored; the schedule drops it at the next start.
            Unknown(logger, sourceName);
            return null;
        }

        var now = time.GetUtcNow();
        var latest = await store.Runs.GetLatestRunAsync(cancellationToken);
        IReadOnlyList<Scope> scopes = latest is null ? [] : [.. latest.Scopes.Select(s => s.Scope)];
        var ingestion = await new AuditIngestor([source], store.Audit, sources.Lookback).IngestAsync(scopes, now, cancellationToken);
        var readId = string.Create(CultureInfo.InvariantCulture, $"ingest-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}");
        await store.Ingestion.SaveIngestionAsync(readId, ingestion, cancellationToken);

        var failed = ingestion.Sources.Any(s => !s.Succeeded);
        metrics.Ingested(source.Name, failed ? ServeMetrics.Partial : ServeMetrics.Complete, ingestion.NewEvents.Count, now);
        Ingested(logger, source.Name, ingestion.NewEvents.Count, scopes.Count, failed);
        return ingestion;
    }

    [LoggerMessage(EventId = 50, Level = LogLevel.Information, Message = "Audit source {Source} ingested: {Events} new events over {Scopes} scopes (a read failed: {Failed})")]
    private static partial void Ingested(ILogger logger, string source, int events, int scopes, bool failed);

    [LoggerMessage(EventId = 51, Level = LogLevel.Warning, Message = "Audit source {Source} is no longer configured; ingestion skipped")]
    private static partial void Unknown(ILogger logger, string source);
}
