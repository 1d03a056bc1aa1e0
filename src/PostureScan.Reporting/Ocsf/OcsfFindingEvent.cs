using System.Text.Json;
using PostureScan.Core.Checks;
using PostureScan.Core.Findings;
using PostureScan.Reporting.Json;

namespace PostureScan.Reporting.Ocsf;

/// <summary>
/// A finding as a Compliance Finding: the policy check is the control, the finding's status maps to the
/// finding activity, lifecycle status and compliance status (<see cref="OcsfSchema.Statuses"/>).
/// </summary>
internal static class OcsfFindingEvent
{
    public static void Write(Utf8JsonWriter w, ReportView view, Finding finding)
    {
        var status = OcsfSchema.Statuses[finding.Status];
        var check = view.CheckOf(finding.CheckId);
        var evaluatedAt = view.Data.Evaluation?.EvaluatedAt ?? view.Run.FinishedAt;
        w.WriteStartObject();
        OcsfExportWriter.Classification(w, OcsfSchema.FindingsCategory, OcsfSchema.FindingsCategoryName,
            OcsfSchema.ComplianceFindingClass, OcsfSchema.ComplianceFindingName, status.Activity, status.ActivityName);
        OcsfExportWriter.Severity(w, finding.Severity);
        OcsfExportWriter.Time(w, "time", evaluatedAt);
        OcsfExportWriter.Metadata(w, $"{view.Run.Id}/{finding.Id}");
        SafeJson.String(w, "message", finding.Message);
        w.WriteNumber("status_id", status.Status);
        w.WriteString("status", status.StatusName);
        OcsfExportWriter.Cloud(w, finding.Scope);

        w.WriteStartObject("finding_info");
        SafeJson.String(w, "uid", finding.Id);
        SafeJson.String(w, "title", finding.Title);
        SafeJson.String(w, "desc", finding.Message);
        OcsfExportWriter.Time(w, "created_time", finding.FirstSeen);
        OcsfExportWriter.Time(w, "first_seen_time", finding.FirstSeen);
        OcsfExportWriter.Time(w, "last_seen_time", finding.LastSeen);
        OcsfExportWriter.Time(w, "modified_time", evaluatedAt);
        w.WriteStartArray("types");
        SafeJson.Value(w, finding.CheckId);
        w.WriteEndArray();
        w.WriteStartObject("analytic");
        SafeJson.String(w, "uid", finding.CheckId);
        SafeJson.String(w, "name", finding.CheckId);
        w.WriteNumber("type_id", 1);
        w.WriteString("type", "Rule");
        w.WriteEndObject();
        WriteAttack(w, check);
        w.WriteEndObject();

        w.WriteStartObject("compliance");
        w.WriteStartArray("standards");
        w.WriteStringValue("PostureScan traffic-mirroring policy");
        w.WriteEndArray();
        SafeJson.String(w, "control", finding.CheckId);
        w.WriteNumber("status_id", status.Compliance);
        w.WriteString("status", status.ComplianceName);
        SafeJson.String(w, "status_detail", finding.Note ?? finding.Message);
        w.WriteEndObject();

        if (check?.Remediation.GetValueOrDefault(finding.Scope.Provider) is { } remediation)
        {
            w.WriteStartObject("remediation");
            SafeJson.String(w, "desc", remediation);
            w.WriteEndObject();
        }

        w.WriteStartArray("resources");
        w.WriteStartObject();
        SafeJson.String(w, "uid", finding.ResourceId);
        SafeJson.String(w, "type", ResourceType(finding.ResourceId));
        SafeJson.String(w, "region", finding.Scope.Region);
        w.WriteStartObject("owner");
        SafeJson.String(w, "account_uid", finding.Scope.Account);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();

        w.WriteStartObject("unmapped");
        SafeJson.String(w, "mirror_uid", view.SessionOf(finding)?.Id);
        SafeJson.String(w, "scope", finding.Scope.Key);
        SafeJson.String(w, "note", finding.Note);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteAttack(Utf8JsonWriter w, CheckMetadata? check)
    {
        w.WriteStartArray("attacks");
        w.WriteStartObject();
        w.WriteStartObject("technique");
        SafeJson.String(w, "uid", check?.Mitre ?? CheckMetadata.TrafficDuplication);
        w.WriteString("name", "Automated Exfiltration: Traffic Duplication");
        w.WriteEndObject();
        w.WriteStartObject("tactic");
        w.WriteString("uid", "TA0010");
        w.WriteString("name", "Exfiltration");
        w.WriteEndObject();
        w.WriteString("version", "15");
        w.WriteEndObject();
        w.WriteEndArray();
    }

    /// <summary>The kind of part a finding names, by the provider's id prefix where it has one.</summary>
    private static readonly (string Prefix, string Type)[] ResourceTypes =
    [
        ("tms-", "traffic-mirror-session"),
        ("tmt-", "traffic-mirror-target"),
        ("tmf-", "traffic-mirror-filter"),
    ];

    private static string ResourceType(string resourceId) =>
        ResourceTypes.FirstOrDefault(t => resourceId.StartsWith(t.Prefix, StringComparison.Ordinal)).Type ?? "mirror";
}
