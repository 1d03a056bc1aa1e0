using System.Text.Json;
using PostureScan.Core.Findings;

namespace PostureScan.Reporting.Json;

/// <summary>The report for machines: the same summary, findings with evidence, drift, scope errors and trend as the HTML.</summary>
internal sealed class JsonReportWriter : IReportWriter
{
    public string Format => "json";

    public async Task WriteAsync(ReportData report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var view = new ReportView(report);
        await using var w = new Utf8JsonWriter(output, SafeJson.WriterOptions);
        w.WriteStartObject();
        w.WriteString("format", "posturescan-report");
        w.WriteNumber("version", 1);
        SafeJson.Time(w, "generatedAt", report.GeneratedAt);
        JsonParts.Run(w, report.Run);
        SafeJson.String(w, "policy", report.Evaluation?.Policy);
        WriteSummary(w, view);
        w.WriteStartArray("findings");
        foreach (var finding in view.Findings)
        {
            WriteFinding(w, view, finding);
        }

        w.WriteEndArray();
        w.WriteStartArray("notEvaluated");
        foreach (var skipped in report.Evaluation?.NotEvaluated ?? [])
        {
            w.WriteStartObject();
            SafeJson.String(w, "checkId", skipped.CheckId);
            SafeJson.String(w, "reason", skipped.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        JsonParts.Drift(w, report.Drift);
        JsonParts.ScopeErrors(w, view.FailedScopes);
        w.WriteStartArray("trend");
        foreach (var point in report.History)
        {
            w.WriteStartObject();
            SafeJson.String(w, "runId", point.RunId);
            SafeJson.Time(w, "startedAt", point.StartedAt);
            w.WriteNumber("mirrors", point.Sessions);
            w.WriteNumber("failedScopes", point.FailedScopes);
            JsonParts.Number(w, "activeFindings", point.ActiveFindings);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        await w.FlushAsync(cancellationToken);
    }

    private static void WriteSummary(Utf8JsonWriter w, ReportView view)
    {
        w.WriteStartObject("summary");
        w.WriteNumber("mirrors", view.Sessions.Count);
        w.WriteStartObject("mirrorsByProvider");
        foreach (var (provider, count) in view.SessionsByProvider())
        {
            w.WriteNumber(provider, count);
        }

        w.WriteEndObject();
        w.WriteStartArray("mirrorsByScope");
        foreach (var (scope, count) in view.SessionsByScope())
        {
            w.WriteStartObject();
            SafeJson.String(w, "scope", scope.Key);
            w.WriteNumber("mirrors", count);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (view.Evaluated)
        {
            var active = view.ActiveBySeverity();
            w.WriteStartObject("activeFindingsBySeverity");
            foreach (var severity in Formats.SeveritiesDescending)
            {
                w.WriteNumber(Formats.Severity(severity), active[severity]);
            }

            w.WriteEndObject();
            w.WriteNumber("newFindings", view.NewFindings);
        }
        else
        {
            w.WriteNull("activeFindingsBySeverity");
            w.WriteNull("newFindings");
        }

        if (view.Coverage() is { } coverage)
        {
            w.WriteStartObject("sanctionedCollectors");
            w.WriteNumber("mirrors", coverage.Sanctioned);
            w.WriteNumber("of", coverage.Total);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("sanctionedCollectors");
        }

        w.WriteNumber("scopes", view.Run.Scopes.Count);
        w.WriteNumber("failedScopes", view.FailedScopes.Count);
        w.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter w, ReportView view, Finding finding)
    {
        w.WriteStartObject();
        JsonParts.FindingFields(w, finding);
        var session = view.SessionOf(finding);
        SafeJson.String(w, "mirror", session?.Id);
        if (session is not null)
        {
            SafeJson.String(w, "source", Evidence.Sources(session));
            SafeJson.String(w, "destination", Evidence.Destination(session));
            SafeJson.String(w, "traffic", Evidence.Filter(session));
            SafeJson.String(w, "attribution", view.AttributionText(session));
            w.WriteStartArray("timeline");
            foreach (var line in view.AttributionOf(session.Id) is { } a ? Evidence.Timeline(a) : [])
            {
                SafeJson.Value(w, line);
            }

            w.WriteEndArray();
        }

        var check = view.CheckOf(finding.CheckId);
        SafeJson.String(w, "rationale", check?.Rationale);
        SafeJson.String(w, "remediation", check?.Remediation.GetValueOrDefault(finding.Scope.Provider));
        SafeJson.String(w, "mitre", check?.Mitre);
        w.WriteEndObject();
    }
}
