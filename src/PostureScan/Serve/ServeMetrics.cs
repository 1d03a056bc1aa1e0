using System.Globalization;
using System.Text;
using PostureScan.Core.Findings;
using PostureScan.Core.Scanning;

namespace PostureScan.Serve;

/// <summary>
/// The counters and gauges behind /metrics, rendered in the Prometheus text format. One instance per host;
/// counters start at zero with the process, as Prometheus expects; gauges are seeded from the store.
/// </summary>
internal sealed class ServeMetrics
{
    public const string Complete = "complete";
    public const string Partial = "partial";
    public const string Abandoned = "abandoned";
    public const string Failed = "failed";

    private static readonly string[] Outcomes = [Complete, Partial, Abandoned, Failed];

    private readonly Lock gate = new();
    private readonly Dictionary<string, long> scans = Outcomes.ToDictionary(o => o, _ => 0L);
    private readonly Dictionary<ScopeStatus, long> scopes = Enum.GetValues<ScopeStatus>().ToDictionary(s => s, _ => 0L);
    private readonly Dictionary<Severity, int> findings = Enum.GetValues<Severity>().ToDictionary(s => s, _ => 0);
    private long apiCalls;
    private DateTimeOffset? lastRun;
    private DateTimeOffset? lastSuccessfulRun;

    /// <summary>Gauges from what the store already holds, so a restart does not report "never scanned".</summary>
    public void Seed(IReadOnlyList<RunSummary> runs, PolicyEvaluation? latestEvaluation)
    {
        lock (gate)
        {
            lastRun = runs.Count > 0 ? runs[0].FinishedAt : null;
            lastSuccessfulRun = runs.FirstOrDefault(r => r.FailedScopes == 0)?.FinishedAt;
            if (latestEvaluation is not null)
            {
                SetFindings(latestEvaluation);
            }
        }
    }

    public void RunStored(ScanRun run, PolicyEvaluation? evaluation, DateTimeOffset storedAt)
    {
        lock (gate)
        {
            scans[run.IsPartial ? Partial : Complete]++;
            foreach (var scope in run.Scopes)
            {
                scopes[scope.Status]++;
            }

            apiCalls += run.ApiCalls;
            lastRun = storedAt;
            if (!run.IsPartial)
            {
                lastSuccessfulRun = storedAt;
            }

            if (evaluation is not null)
            {
                SetFindings(evaluation);
            }
        }
    }

    public void ScanEnded(string outcome)
    {
        lock (gate)
        {
            scans[outcome]++;
        }
    }

    public string Render()
    {
        var text = new StringBuilder();
        lock (gate)
        {
            Header(text, "posturescan_scans_total", "counter", "Scheduled scans since start, by outcome (complete and partial runs are stored; abandoned and failed ones are not).");
            foreach (var (outcome, count) in scans)
            {
                Line(text, $"posturescan_scans_total{{outcome=\"{outcome}\"}}", count);
            }

            Header(text, "posturescan_scopes_total", "counter", "Scopes collected by stored runs since start, by status.");
            foreach (var (status, count) in scopes)
            {
                Line(text, $"posturescan_scopes_total{{status=\"{status.ToString().ToLowerInvariant()}\"}}", count);
            }

            Header(text, "posturescan_api_calls_total", "counter", "Cloud API calls made by stored runs since start.");
            Line(text, "posturescan_api_calls_total", apiCalls);

            Header(text, "posturescan_findings", "gauge", "Active findings of the latest evaluated run, by severity.");
            foreach (var (severity, count) in findings)
            {
                Line(text, $"posturescan_findings{{severity=\"{severity.ToString().ToLowerInvariant()}\"}}", count);
            }

            // Absent rather than zero before the first run: 1970 would read as "very stale" to an alert.
            Header(text, "posturescan_last_run_timestamp_seconds", "gauge", "When the latest run was stored, unix seconds.");
            Timestamp(text, "posturescan_last_run_timestamp_seconds", lastRun);
            Header(text, "posturescan_last_successful_scan_timestamp_seconds", "gauge", "When the latest run with no failed scope was stored, unix seconds.");
            Timestamp(text, "posturescan_last_successful_scan_timestamp_seconds", lastSuccessfulRun);
        }

        return text.ToString();
    }

    private void SetFindings(PolicyEvaluation evaluation)
    {
        foreach (var (severity, count) in evaluation.ActiveBySeverity())
        {
            findings[severity] = count;
        }
    }

    private static void Header(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Line(StringBuilder text, string series, long value) =>
        text.Append(series).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static void Timestamp(StringBuilder text, string series, DateTimeOffset? value)
    {
        if (value is { } at)
        {
            text.Append(series).Append(' ')
                .Append((at.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture)).Append('\n');
        }
    }
}
