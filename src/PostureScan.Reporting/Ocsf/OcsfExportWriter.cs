using System.Text.Json;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;

namespace PostureScan.Reporting.Ocsf;

/// <summary>
/// OCSF 1.3.0 events as one JSON array: a Device Inventory Info event (class 5001) for each mirror, then a
/// Compliance Finding (class 2003) for each finding. The mirror's own details that OCSF has no attribute
/// for travel in <c>unmapped</c>.
/// </summary>
internal sealed class OcsfExportWriter : IReportWriter
{
    public string Format => "ocsf";

    public async Task WriteAsync(ReportData report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var view = new ReportView(report);
        await using var w = new Utf8JsonWriter(output, Json.SafeJson.WriterOptions);
        w.WriteStartArray();
        foreach (var session in view.Sessions)
        {
            OcsfInventoryEvent.Write(w, view, session);
        }

        foreach (var finding in view.Findings)
        {
            OcsfFindingEvent.Write(w, view, finding);
        }

        w.WriteEndArray();
        await w.FlushAsync(cancellationToken);
    }

    /// <summary>The metadata every event carries: the product and the schema version.</summary>
    public static void Metadata(Utf8JsonWriter w, string eventUid)
    {
        w.WriteStartObject("metadata");
        w.WriteString("version", OcsfSchema.Version);
        w.WriteStartObject("product");
        w.WriteString("name", "PostureScan");
        w.WriteString("vendor_name", "PostureScan");
        w.WriteString("uid", "posturescan");
        w.WriteString("version", typeof(OcsfExportWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        w.WriteEndObject();
        Json.SafeJson.String(w, "uid", eventUid);
        w.WriteString("log_name", "posturescan");
        w.WriteEndObject();
    }

    public static void Classification(Utf8JsonWriter w, int category, string categoryName, int classUid, string className, int activity, string activityName)
    {
        w.WriteNumber("category_uid", category);
        w.WriteString("category_name", categoryName);
        w.WriteNumber("class_uid", classUid);
        w.WriteString("class_name", className);
        w.WriteNumber("activity_id", activity);
        w.WriteString("activity_name", activityName);
        w.WriteNumber("type_uid", (classUid * 100L) + activity);
        w.WriteString("type_name", $"{className}: {activityName}");
    }

    public static void Severity(Utf8JsonWriter w, Severity severity)
    {
        var (id, name) = OcsfSchema.Severities[severity];
        w.WriteNumber("severity_id", id);
        w.WriteString("severity", name);
    }

    /// <summary>The cloud object for a cloud scope (provider, account, region); nothing for a network device.</summary>
    public static void Cloud(Utf8JsonWriter w, Scope scope)
    {
        if (!OcsfSchema.CloudProviders.TryGetValue(scope.Provider, out var provider))
        {
            return;
        }

        w.WriteStartObject("cloud");
        w.WriteString("provider", provider);
        Json.SafeJson.String(w, "region", scope.Region);
        w.WriteStartObject("account");
        Json.SafeJson.String(w, "uid", scope.Account);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>OCSF times are milliseconds since the Unix epoch.</summary>
    public static void Time(Utf8JsonWriter w, string name, DateTimeOffset time)
    {
        w.WriteNumber(name, time.ToUnixTimeMilliseconds());
    }
}
