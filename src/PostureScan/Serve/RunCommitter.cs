using Microsoft.Extensions.Logging;
using PostureScan.Core.Audit.Ingestion;
using PostureScan.Core.Findings;
using PostureScan.Core.Scanning;
using PostureScan.Hosting;
using Quartz;

namespace PostureScan.Serve;

/// <summary>
/// Closes a staged run: builds the run from the staged scopes (any still pending become failed), reads the
/// audit sources and attributes, evaluates the policy, and commits run, audit side and findings while deleting
/// the staging, in one transaction. Then fires the report of the scan. Idempotent: a run already committed
/// (another job closed it first) is left as it is.
/// </summary>
internal sealed partial class RunCommitter(
    ServeStore store,
    InventorySourceFactory inventorySources,
    AuditSourceFactory auditSources,
    PolicyGate? policy,
    ServeSettings settings,
    TimeProvider time,
    ServeMetrics metrics,
    LatestRunGauges latest,
    ILogger<RunCommitter> logger)
{
    public const string PendingReason = "not collected: the run was closed before this scope's job staged a result";

    public static async Task FireAsync(IScheduler scheduler, string runId, TimeProvider time, CancellationToken cancellationToken)
    {
        // Keep: two last scopes racing to fire the commit store one trigger between them.
        var trigger = ServeSchedule.Now(ServeJobKeys.CommitTrigger(runId), ServeJobKeys.Commit, new JobDataMap { [ServeJobKeys.RunId] = runId }, time);
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, cancellationToken);
    }

    /// <param name="late">How long after it was due the commit's firing began, for the log (zero when not fired).</param>
    public async Task<ScanRun?> CommitAsync(IScheduler scheduler, string runId, CancellationToken cancellationToken, TimeSpan late = default)
    {
        var started = time.GetTimestamp();
        var staged = await store.Staging.GetStagedRunAsync(runId, cancellationToken);
        var read = time.GetElapsedTime(started);
        if (staged is null)
        {
            return null;
        }

        try
        {
            var run = staged.ToRun(time.GetUtcNow(), PendingReason);
            var sources = auditSources.Create();
            var audit = sources.Count == 0 ? null : await new AuditStage(sources, auditSources.Lookback, time).RunAsync(run, store.Runs, store.Audit, cancellationToken);
            PolicyEvaluation? evaluation = null;
            if (policy is not null)
            {
                var candidates = await policy.ListCandidatesAsync(inventorySources.ForRun(runId), run, cancellationToken);
                evaluation = await policy.EvaluateAsync(run, store.Runs, audit?.Report.ToEvidence(), candidates, cancellationToken);
            }

            if (!await store.Staging.CommitStagedRunAsync(run, evaluation, audit, cancellationToken))
            {
                return null;
            }

            metrics.RunStored(run);
            latest.Invalidate();
            var failed = run.Scopes.Count(s => s.Status == ScopeStatus.Failed);
            var storing = time.GetElapsedTime(started) - read;
            Stored(logger, run.Id, run.Scopes.Count, failed, run.Sessions.Count, run.ApiCalls, late.TotalSeconds, read.TotalSeconds, storing.TotalSeconds);
            if (settings.ReportPath is not null)
            {
                await ReportJob.FireAsync(scheduler, ServeJobKeys.ScanReport, time, cancellationToken);
            }

            return run;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The staging is untouched; rethrown, the cancellation lets Quartz hand the firing back, so another node,
            // or this one at its next start, commits the run.
            metrics.ScanEnded(ServeMetrics.Abandoned);
            Abandoned(logger, runId);
            throw;
        }
        catch (Exception ex)
        {
            metrics.ScanEnded(ServeMetrics.Failed);
            Failed(logger, runId, ex);
            throw;
        }
    }

    // Where a run's end goes: the commit's firing behind its due time, the read of the staging (the run's finishing
    // time is taken after it), then attribution, evaluation and the one-transaction store.
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Run {RunId} stored: {Scopes} scopes, {FailedScopes} failed, {Sessions} sessions, {ApiCalls} API calls; commit began {LateSeconds:F2} s after it was due, read the staging in {ReadSeconds:F2} s, then took {StoreSeconds:F2} s")]
    private static partial void Stored(ILogger logger, string runId, int scopes, int failedScopes, int sessions, int apiCalls, double lateSeconds, double readSeconds, double storeSeconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Commit of run {RunId} abandoned by shutdown; the staged run is kept and handed back, to another node or to this one at its next start")]
    private static partial void Abandoned(ILogger logger, string runId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Commit of run {RunId} failed; the staged run is kept")]
    private static partial void Failed(ILogger logger, string runId, Exception exception);
}
