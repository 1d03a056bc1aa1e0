using System.Text.Json;
using PostureScan.Core.Serialization;
using PostureScan.Reporting.Text;

namespace PostureScan.Reporting.Json;

/// <summary>
/// The inventory for other tools: every scope's outcome, every mirror as the project's own record (the same
/// shape as in the store, <see cref="PostureJson"/>) with its attribution, its parts' attributions and finding ids, and every finding.
/// </summary>
internal sealed class JsonExportWriter : IReportWriter
{
    public string Format => "json";

    public async Task WriteAsync(ReportData report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var view = new ReportView(report);
        await using var w = new Utf8JsonWriter(output, SafeJson.WriterOptions);
        w.WriteStartObject();
        w.WriteString("format", "posturescan-export");
        w.WriteNumber("version", 1);
        SafeJson.Time(w, "generatedAt", report.GeneratedAt);
        JsonParts.Run(w, report.Run);
        w.WriteStartArray("scopes");
        foreach (var scope in report.Run.Scopes)
        {
            w.WriteStartObject();
            SafeJson.String(w, "scope", scope.Scope.Key);
            w.WriteString("status", ReportView.Name(scope.Status));
            SafeJson.String(w, "errorKind", scope.ErrorKind is { } kind ? ReportView.Name(kind) : null);
            SafeJson.String(w, "error", scope.Error);
            w.WriteNumber("apiCalls", scope.ApiCalls);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("mirrors");
        foreach (var session in view.Sessions)
        {
            // The record's own JSON, every string cleaned, then what only the export adds.
            var node = SafeJson.Clean(JsonSerializer.SerializeToNode(session with { RawJson = null }, PostureJson.Options))!.AsObject();
            node["rawJson"] = session.RawJson is null ? null : SafeText.Clean(session.RawJson, Limits.RawJson);
            node["attributionSummary"] = SafeText.Clean(view.AttributionText(session), Limits.Export);
            node["attribution"] = JsonAttribution.Node(view.AttributionOf(session.Id));
            node["parts"] = JsonAttribution.Parts(session, view);
            node["findings"] = new System.Text.Json.Nodes.JsonArray([.. view.FindingsOf(session).Select(f => System.Text.Json.Nodes.JsonValue.Create(f.Id))]);
            node.WriteTo(w);
        }

        w.WriteEndArray();
        w.WriteStartArray("findings");
        foreach (var finding in view.Findings)
        {
            w.WriteStartObject();
            JsonParts.FindingFields(w, finding);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        await w.FlushAsync(cancellationToken);
    }
}
