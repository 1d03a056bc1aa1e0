using PostureScan.Core.Checks;
using PostureScan.Core.Drift;
using PostureScan.Core.Scanning;

namespace PostureScan.Reporting;

/// <summary>
/// Reads what a report needs from the store: the run asked for (or the latest), its evaluation, the run
/// before it for drift, and the recent runs for the trend.
/// </summary>
public sealed class ReportLoader(IRunStore store, TimeProvider time)
{
    /// <summary>Runs on the trend chart, the reported one last.</summary>
    public const int TrendLength = 14;

    /// <summary>
    /// Where attributions come from, by run id (null: none computed for that run). Without it every mirror
    /// reads "not attributed yet".
    /// </summary>
    public Func<string, CancellationToken, Task<IReadOnlyList<Core.Attribution.Attribution>?>>? Attributions { get; init; }

    /// <param name="runId">A run id, or null or "latest" for the most recent run.</param>
    public async Task<ReportData> LoadAsync(string? runId, CancellationToken cancellationToken)
    {
        var run = await LoadRunAsync(runId, cancellationToken);
        var summaries = await store.ListRunsAsync(cancellationToken);
        var earlier = summaries.Where(s => IsBefore(s, run)).ToList();
        var evaluation = await store.GetEvaluationAsync(run.Id, cancellationToken);
        var attributions = await AttributionsOfAsync(run.Id, cancellationToken);

        RunDrift? drift = null;
        if (earlier.Count > 0 && await store.GetRunAsync(earlier[0].Id, cancellationToken) is { } previous)
        {
            drift = DriftCalculator.Compare(previous, run, await AttributionsOfAsync(previous.Id, cancellationToken), attributions);
        }

        var history = new List<RunPoint>();
        foreach (var summary in earlier.Take(TrendLength - 1).Reverse())
        {
            var past = await store.GetEvaluationAsync(summary.Id, cancellationToken);
            history.Add(new RunPoint(summary.Id, summary.StartedAt, summary.Sessions, summary.FailedScopes, past?.Findings.Count(f => f.IsActive)));
        }

        history.Add(new RunPoint(
            run.Id, run.StartedAt, run.Sessions.Count, run.Scopes.Count(s => s.Status == ScopeStatus.Failed), evaluation?.Findings.Count(f => f.IsActive)));
        return new ReportData(run, evaluation, drift, history, attributions, CheckRegistry.CreateDefault().Metadata, time.GetUtcNow());
    }

    /// <summary>Two runs to compare: by id, or by default the latest and the one before it.</summary>
    public async Task<RunDrift> LoadDriftAsync(string? fromId, string? toId, CancellationToken cancellationToken)
    {
        var to = await LoadRunAsync(toId, cancellationToken);
        ScanRun from;
        if (fromId is null)
        {
            var summaries = await store.ListRunsAsync(cancellationToken);
            var previous = summaries.FirstOrDefault(s => IsBefore(s, to))
                ?? throw new ReportInputException($"run {to.Id} is the first in the store: there is no earlier run to compare it with");
            from = await store.GetRunAsync(previous.Id, cancellationToken)
                ?? throw new ReportInputException($"run {previous.Id} disappeared from the store");
        }
        else
        {
            from = await LoadRunAsync(fromId, cancellationToken);
        }

        return DriftCalculator.Compare(
            from, to, await AttributionsOfAsync(from.Id, cancellationToken), await AttributionsOfAsync(to.Id, cancellationToken));
    }

    private async Task<ScanRun> LoadRunAsync(string? runId, CancellationToken cancellationToken)
    {
        if (runId is null || string.Equals(runId, "latest", StringComparison.OrdinalIgnoreCase))
        {
            return await store.GetLatestRunAsync(cancellationToken)
                ?? throw new ReportInputException("the store holds no run yet: run a scan first");
        }

        return await store.GetRunAsync(runId, cancellationToken)
            ?? throw new ReportInputException($"no run with id '{runId}' in the store");
    }

    private Task<IReadOnlyList<Core.Attribution.Attribution>?> AttributionsOfAsync(string runId, CancellationToken cancellationToken) =>
        Attributions is null ? Task.FromResult<IReadOnlyList<Core.Attribution.Attribution>?>(null) : Attributions(runId, cancellationToken);

    // The store lists newest first by start time, then id; "before" follows the same order.
    private static bool IsBefore(RunSummary summary, ScanRun run) =>
        summary.StartedAt < run.StartedAt || (summary.StartedAt == run.StartedAt && string.CompareOrdinal(summary.Id, run.Id) < 0);
}
