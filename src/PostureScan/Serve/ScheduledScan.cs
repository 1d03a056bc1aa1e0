using Microsoft.Extensions.Logging;
using PostureScan.Core.Scanning;
using PostureScan.Hosting;

namespace PostureScan.Serve;

/// <summary>One scheduled scan: the same pipeline as the scan command, committed whole, counted in the metrics.</summary>
internal sealed partial class ScheduledScan(
    InventorySourceFactory sources,
    PostureScan.Storage.RunStore store,
    ScanSettings settings,
    PolicyGate? policy,
    TimeProvider time,
    ServeMetrics metrics,
    ILogger<ScheduledScan> logger)
{
    public async Task<ScanRun> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var pipeline = new ScanPipeline(sources.Create(), store, time, settings.MaxConcurrency, policy);
            var run = await pipeline.RunAsync(null, cancellationToken);
            metrics.RunStored(run, pipeline.Evaluation, time.GetUtcNow());
            var failed = run.Scopes.Count(s => s.Status == ScopeStatus.Failed);
            Stored(logger, run.Id, run.Scopes.Count, failed, run.Sessions.Count, run.ApiCalls);
            return run;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Nothing was saved: the run is committed in one transaction after the last scope, so an
            // abandoned scan leaves the store exactly as the previous run left it.
            metrics.ScanEnded(ServeMetrics.Abandoned);
            Abandoned(logger);
            throw;
        }
        catch (Exception ex)
        {
            metrics.ScanEnded(ServeMetrics.Failed);
            Failed(logger, ex);
            throw;
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Run {RunId} stored: {Scopes} scopes, {FailedScopes} failed, {Sessions} sessions, {ApiCalls} API calls")]
    private static partial void Stored(ILogger logger, string runId, int scopes, int failedScopes, int sessions, int apiCalls);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Scan abandoned by shutdown; nothing was stored")]
    private static partial void Abandoned(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Scan failed; nothing was stored")]
    private static partial void Failed(ILogger logger, Exception exception);
}
