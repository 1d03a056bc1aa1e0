using System.Globalization;
using System.Text;

namespace PostureScan.Bench.Scale;

/// <summary>One run's figures: wall time against the bound, peak memory, and calls against the minimum.</summary>
internal sealed record ScaleFigures(ScalePlan Plan, ScanSummary Scan, EmulatorLog Log, ProcessTime Time, TimeSpan Bound, string? EmulatorCpu = null, EmulatorTiming? Timing = null)
{
    public double WallRatio => ScaleBound.Ratio(Time.Wall, Bound);

    public double ScanPhaseRatio => ScaleBound.Ratio(Scan.ScanPhase, Bound);

    public bool MeetsGoal => WallRatio <= ScaleReportCommand.WallGoal && Time.PeakRssMb < ScaleReportCommand.MemoryGoalMb
        && Scan.ScopesFailed == 0 && Scan.ScopesOk == Plan.Scopes;

    public static ScaleFigures Of(ScalePlan plan, ScanSummary scan, EmulatorLog log, ProcessTime time, string? emulatorCpu = null, EmulatorTiming? timing = null) =>
        new(plan, scan, log, time, ScaleBound.Of(log.Delayed, TimeSpan.FromMilliseconds(plan.Shape.LatencyMs), plan.Shape.Concurrency), emulatorCpu, timing);

    private static string Ratio(double ratio) =>
        double.IsFinite(ratio) ? ratio.ToString("F2", CultureInfo.InvariantCulture) + "x" : "n/a (no latency)";

    public string ToMarkdown()
    {
        var shape = Plan.Shape;
        var minimum = Plan.Minimum;
        var scopes = Math.Max(1, Plan.Scopes);
        var b = new StringBuilder();
        void Line(FormattableString s) => b.AppendLine(s.ToString(CultureInfo.InvariantCulture));

        Line($"World: {shape.Accounts} accounts x {shape.RegionsPerAccount} regions = {Plan.Scopes} scopes, {shape.SessionsPerRegion} sessions each; {shape.LatencyMs} ms per call, {shape.ThrottleRate:P0} throttled; {shape.Concurrency} requests in flight (Aws:MaxConcurrency), {shape.EffectiveScopesInProgress} scopes in progress (Scan:MaxConcurrency).");
        Line($"");
        Line($"| figure | measured | reference | ratio |");
        Line($"|---|---|---|---|");
        Line($"| wall time, scan process | {Time.Wall.TotalSeconds:F2} s | bound {Bound.TotalSeconds:F2} s | **{Ratio(WallRatio)}** (goal <= {ScaleReportCommand.WallGoal}) |");
        Line($"| wall time, scan phase (run start to end) | {Scan.ScanPhase.TotalSeconds:F2} s | bound {Bound.TotalSeconds:F2} s | {Ratio(ScanPhaseRatio)} |");
        Line($"| peak RSS, scan process | **{Time.PeakRssMb:F1} MB** | goal < {ScaleReportCommand.MemoryGoalMb} MB | |");
        Line($"| cpu time, scan process | {Time.Cpu.TotalSeconds:F2} s | emulator {EmulatorCpu ?? "?"} s | |");
        Line($"| API calls per scope, all (emulator) | {(double)Log.Total / scopes:F3} | minimum {minimum.PerScope:F3} | {(double)Log.Total / minimum.Total:F3}x |");
        Line($"| API calls per scope, less throttled | {(double)(Log.Total - Log.Throttled) / scopes:F3} | minimum {minimum.PerScope:F3} | {(double)(Log.Total - Log.Throttled) / minimum.Total:F3}x |");
        Line($"| API calls per scope, scope collection (scanner's count) | {(double)Scan.ApiCalls / scopes:F3} | | |");
        Line($"| throttled responses (RequestLimitExceeded) | {Log.Throttled} | {(double)Log.Throttled / Math.Max(1, Log.Total):P2} of calls | |");
        Line($"| other error responses | {Log.OtherErrors} | | |");
        Line($"| scopes ok / failed | {Scan.ScopesOk} / {Scan.ScopesFailed} | {Plan.Scopes} | |");
        Line($"| sessions inventoried | {Scan.Sessions} | {Plan.Scopes * shape.SessionsPerRegion} | |");
        Line($"");
        Line($"Bound = {Log.Delayed} delayed calls x {shape.LatencyMs} ms / {shape.Concurrency} requests in flight (STS calls, {Log.Sts}, carry no latency).");
        if (Timing is { } t)
        {
            Line($"");
            Line($"Where the time went, seen from the emulator ({t.Requests} requests, windows of {EmulatorTiming.Window.TotalMilliseconds:F0} ms; full = at least {EmulatorTiming.FullShare:P0} of the {shape.Concurrency} requests in flight):");
            Line($"- answer time: median {t.MedianAnswerMs:F1} ms, mean {t.MeanAnswerMs:F1} ms, against {shape.LatencyMs} ms of injected latency");
            Line($"- requests in progress at the emulator: {t.MeanInFlight:F1} on average over the span ({t.MeanInFlight / shape.Concurrency:P0} of the limit)");
            Line($"- first request to last answer: {t.Span.TotalSeconds:F2} s, of which {t.Full.TotalSeconds:F2} s full; first full window after {t.Ramp.TotalSeconds:F2} s; tail after the last full window {t.Tail.TotalSeconds:F2} s");
            Line($"- before the first request and after the last answer (start-up, discovery's first call, the store's commit): {(Time.Wall - t.Span).TotalSeconds:F2} s of the process's wall time");
            Line($"");
        }

        Line($"Calls by action (made / minimum):");
        foreach (var action in Log.ByAction.Keys.Union(minimum.ByAction.Keys).Order(StringComparer.Ordinal))
        {
            Line($"- {action}: {Log.ByAction.GetValueOrDefault(action)} / {minimum.ByAction.GetValueOrDefault(action)}");
        }

        Line($"");
        Line($"Goal (within {ScaleReportCommand.WallGoal}x of the bound, under {ScaleReportCommand.MemoryGoalMb} MB, every scope ok): {(MeetsGoal ? "met" : "MISSED")}");
        return b.ToString();
    }
}
