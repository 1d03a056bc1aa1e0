using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PostureScan.Emulator.Arm;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Logging;

/// <summary>
/// Renders a world event as a Cloud Audit Log LogEntry: an AuditLog protoPayload with the method, the
/// principal, the caller's IP and, for a failed call, <c>status.code</c> (the event's error code, a
/// gRPC code such as 7). Writes go to the admin activity log, reads to data access.
/// </summary>
internal static class LogEntries
{
    private const string Compute = "compute.googleapis.com";

    public static LogEntryView Render(AuditRecord record, string project, int index)
    {
        var method = record.Name;
        var resource = record.ResourceId ?? $"projects/{project}/regions/us-central1/packetMirrorings/pm-{index}";
        var region = Segment(resource, "regions") ?? "global";
        var read = method.EndsWith(".get", StringComparison.OrdinalIgnoreCase) || method.EndsWith(".list", StringComparison.OrdinalIgnoreCase)
            || method.EndsWith(".aggregatedList", StringComparison.OrdinalIgnoreCase);
        var log = $"projects/{project}/logs/cloudaudit.googleapis.com%2F{(read ? "data_access" : "activity")}";
        var failed = record.ErrorCode is not null;
        var severity = failed ? "ERROR" : read ? "INFO" : "NOTICE";
        var insertId = record.Id ?? ArmIds.StableGuid($"{project}/{index}/{record.Time.UtcTicks}").ToString("N")[..12];
        var time = record.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["timestamp"] = time,
            ["logName"] = log,
            ["severity"] = severity,
            ["resource.type"] = "gce_packet_mirroring",
            ["protoPayload.methodName"] = method,
            ["protoPayload.serviceName"] = record.Service ?? Compute,
            ["insertId"] = insertId,
        };
        if (record.Raw is { } raw)
        {
            return new LogEntryView(record.Time, fields, raw);
        }

        var payload = new JsonObject
        {
            ["@type"] = "type.googleapis.com/google.cloud.audit.AuditLog",
            ["authenticationInfo"] = new JsonObject { ["principalEmail"] = record.Actor, ["principalSubject"] = "user:" + record.Actor },
            ["requestMetadata"] = new JsonObject { ["callerIp"] = record.SourceIp, ["callerSuppliedUserAgent"] = "google-cloud-sdk gcloud/502.0.0" },
            ["serviceName"] = record.Service ?? Compute,
            ["methodName"] = method,
            ["resourceName"] = resource,
            ["resourceLocation"] = new JsonObject { ["currentLocations"] = new JsonArray(region) },
        };
        if (failed)
        {
            payload["status"] = new JsonObject
            {
                ["code"] = int.TryParse(record.ErrorCode, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 2,
                ["message"] = record.ErrorMessage ?? $"Request failed for '{resource}'",
            };
        }

        var entry = new JsonObject
        {
            ["protoPayload"] = payload,
            ["insertId"] = insertId,
            ["resource"] = new JsonObject
            {
                ["type"] = "gce_packet_mirroring",
                ["labels"] = new JsonObject { ["project_id"] = project, ["region"] = region },
            },
            ["timestamp"] = time,
            ["severity"] = severity,
            ["logName"] = log,
            ["receiveTimestamp"] = record.Time.AddMilliseconds(862).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'", CultureInfo.InvariantCulture),
        };
        return new LogEntryView(record.Time, fields, entry.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }

    private static string? Segment(string name, string collection)
    {
        var parts = name.Split('/');
        var at = Array.IndexOf(parts, collection);
        return at >= 0 && at + 1 < parts.Length ? parts[at + 1] : null;
    }
}
