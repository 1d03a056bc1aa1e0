using System.Globalization;
using System.Text;
using PostureScan.Core.Scanning;

namespace PostureScan.Serve;

/// <summary>
/// The counters and gauges behind /metrics, rendered in the Prometheus text format. One instance per host;
/// counters count what this node did and start at zero with the process, as Prometheus expects. The gauges
/// about the latest run are the store's (<see cref="LatestRunGauges"/>), the same on every node of a cluster.
/// </summary>
internal sealed class ServeMetrics
{
    public const string Complete = "complete";
    public const string Partial = "partial";
    public const string Abandoned = "abandoned";
    public const string Failed = "failed";
    public const string Skipped = "skipped";

    private static readonly string[] Outcomes = [Complete, Partial, Abandoned, Failed, Skipped];

    private readonly Lock gate = new();
    private readonly Dictionary<string, long> scans = Outcomes.ToDictionary(o => o, _ => 0L);
    private readonly Dictionary<ScopeStatus, long> scopes = Enum.GetValues<ScopeStatus>().ToDictionary(s => s, _ => 0L);
    private readonly Dictionary<(string Source, string Outcome), long> ingestions = [];
    private readonly Dictionary<string, long> ingestedEvents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> lastIngestion = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Kind, string Outcome), long> reports = [];
    private long apiCalls;
    private long scopesAbandoned;

    public void RunStored(ScanRun run)
    {
        lock (gate)
        {
            scans[run.IsPartial ? Partial : Complete]++;
        }
    }

    /// <summary>A scope staged its result (scopes and API calls are counted as they happen, not per run).</summary>
    public void ScopeStaged(ScopeResult result)
    {
        lock (gate)
        {
            scopes[result.Status]++;
            apiCalls += result.ApiCalls;
        }
    }

    public void ScopeAbandoned()
    {
        lock (gate)
        {
            scopesAbandoned++;
        }
    }

    public void Ingested(string source, string outcome, int events, DateTimeOffset? at)
    {
        lock (gate)
        {
            ingestions[(source, outcome)] = ingestions.GetValueOrDefault((source, outcome)) + 1;
            ingestedEvents[source] = ingestedEvents.GetValueOrDefault(source) + events;
            if (at is { } time && outcome != Failed && outcome != Abandoned)
            {
                lastIngestion[source] = time;
            }
        }
    }

    public void ReportWritten(string kind, string outcome)
    {
        lock (gate)
        {
            reports[(kind, outcome)] = reports.GetValueOrDefault((kind, outcome)) + 1;
        }
    }

    public void ScanEnded(string outcome)
    {
        lock (gate)
        {
            scans[outcome]++;
        }
    }

    /// <param name="latest">The store's latest runs, whichever node stored them.</param>
    public string Render(LatestRuns latest)
    {
        var text = new StringBuilder();
        lock (gate)
        {
            Header(text, "posturescan_scans_total", "counter", "Scheduled scans since start, by outcome (complete and partial runs are stored; abandoned and failed commits are kept staged; skipped firings found a run still open).");
            foreach (var (outcome, count) in scans)
            {
                Line(text, $"posturescan_scans_total{{outcome=\"{outcome}\"}}", count);
            }

            Header(text, "posturescan_scopes_total", "counter", "Scope results staged since start, by status.");
            foreach (var (status, count) in scopes)
            {
                Line(text, $"posturescan_scopes_total{{status=\"{status.ToString().ToLowerInvariant()}\"}}", count);
            }

            Header(text, "posturescan_scopes_abandoned_total", "counter", "Scope jobs abandoned by shutdown since start (the scope stays pending).");
            Line(text, "posturescan_scopes_abandoned_total", scopesAbandoned);

            Header(text, "posturescan_api_calls_total", "counter", "Cloud API calls made by staged scopes since start.");
            Line(text, "posturescan_api_calls_total", apiCalls);

            Header(text, "posturescan_audit_ingestions_total", "counter", "Audit ingestions between scans since start, by source and outcome.");
            foreach (var ((source, outcome), count) in ingestions.OrderBy(p => p.Key.Source, StringComparer.Ordinal).ThenBy(p => p.Key.Outcome, StringComparer.Ordinal))
            {
                Line(text, $"posturescan_audit_ingestions_total{{source=\"{Label(source)}\",outcome=\"{outcome}\"}}", count);
            }

            Header(text, "posturescan_audit_events_ingested_total", "counter", "New audit events stored by ingestion since start, by source.");
            foreach (var (source, count) in ingestedEvents.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Line(text, $"posturescan_audit_events_ingested_total{{source=\"{Label(source)}\"}}", count);
            }

            Header(text, "posturescan_last_ingestion_timestamp_seconds", "gauge", "When each audit source was last ingested, unix seconds.");
            foreach (var (source, at) in lastIngestion.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Timestamp(text, $"posturescan_last_ingestion_timestamp_seconds{{source=\"{Label(source)}\"}}", at);
            }

            Header(text, "posturescan_reports_total", "counter", "Reports written since start, by kind (scan, nightly) and outcome.");
            foreach (var ((kind, outcome), count) in reports.OrderBy(p => p.Key.Kind, StringComparer.Ordinal).ThenBy(p => p.Key.Outcome, StringComparer.Ordinal))
            {
                Line(text, $"posturescan_reports_total{{kind=\"{kind}\",outcome=\"{outcome}\"}}", count);
            }
        }

        Header(text, "posturescan_findings", "gauge", "Active findings of the latest evaluated run in the store, by severity.");
        foreach (var (severity, count) in latest.ActiveFindings.OrderBy(p => p.Key))
        {
            Line(text, $"posturescan_findings{{severity=\"{severity.ToString().ToLowerInvariant()}\"}}", count);
        }

        // Absent rather than zero before the first run: 1970 would read as "very stale" to an alert.
        Header(text, "posturescan_last_run_timestamp_seconds", "gauge", "When the latest run in the store finished, unix seconds.");
        Timestamp(text, "posturescan_last_run_timestamp_seconds", latest.LastRunFinishedAt);
        Header(text, "posturescan_last_successful_scan_timestamp_seconds", "gauge", "When the latest run in the store with no failed scope finished, unix seconds.");
        Timestamp(text, "posturescan_last_successful_scan_timestamp_seconds", latest.LastCompleteRunFinishedAt);
        return text.ToString();
    }

    /// <summary>A label value in the exposition format's escaping (source names come from configuration).</summary>
    private static string Label(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

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
