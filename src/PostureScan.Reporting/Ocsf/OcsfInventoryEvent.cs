using System.Text.Json;
using PostureScan.Core.Drift;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Reporting.Json;

namespace PostureScan.Reporting.Ocsf;

/// <summary>
/// A mirror as a Device Inventory Info event: the device is what the mirror copies from (the first mirrored
/// source's instance or interface, or the network device), the mirror itself goes in <c>unmapped</c>.
/// </summary>
internal static class OcsfInventoryEvent
{
    public static void Write(Utf8JsonWriter w, ReportView view, MirrorSession session)
    {
        w.WriteStartObject();
        OcsfExportWriter.Classification(w, OcsfSchema.DiscoveryCategory, OcsfSchema.DiscoveryCategoryName,
            OcsfSchema.InventoryInfoClass, OcsfSchema.InventoryInfoName, OcsfSchema.CollectActivity, "Collect");
        OcsfExportWriter.Severity(w, Severity.Info);
        OcsfExportWriter.Time(w, "time", view.Run.FinishedAt);
        OcsfExportWriter.Metadata(w, $"{view.Run.Id}/{session.Scope.Key}/{session.Id}");
        SafeJson.String(w, "message", $"Traffic mirror {session.Id} copies {Evidence.Sources(session)} to {Evidence.Destination(session)}");
        OcsfExportWriter.Cloud(w, session.Scope);
        WriteDevice(w, session);
        w.WriteStartObject("unmapped");
        w.WriteStartObject("mirror");
        SafeJson.String(w, "uid", session.Id);
        SafeJson.String(w, "name", session.Name);
        SafeJson.String(w, "desc", session.Description);
        w.WriteBoolean("enabled", session.Enabled);
        w.WriteString("direction", ReportView.Name(session.Direction));
        Json.JsonParts.Number(w, "packet_length", session.PacketLength);
        SafeJson.String(w, "target_uid", session.TargetId);
        SafeJson.String(w, "destination", DriftText.Destination(session));
        if (session.Target?.InternetFacing is { } facing)
        {
            w.WriteBoolean("target_internet_facing", facing);
        }

        w.WriteBoolean("target_in_foreign_account", session.TargetInForeignAccount);
        SafeJson.String(w, "filter_uid", session.FilterId);
        SafeJson.String(w, "filter", DriftText.FilterShown(session));
        w.WriteBoolean("accepts_everything", session.AcceptsEverything);
        SafeJson.Tags(w, "tags", session.Tags);
        SafeJson.String(w, "attribution", view.AttributionText(session));
        w.WriteStartArray("finding_uids");
        foreach (var finding in view.FindingsOf(session))
        {
            SafeJson.Value(w, finding.Id);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteDevice(Utf8JsonWriter w, MirrorSession session)
    {
        var (typeId, typeName) = OcsfSchema.DeviceTypes.GetValueOrDefault(session.Scope.Provider, (99, "Other"));
        var source = session.Sources.Count > 0 ? session.Sources[0] : null;
        w.WriteStartObject("device");
        w.WriteNumber("type_id", typeId);
        w.WriteString("type", typeName);
        if (session.Scope.Provider == Providers.Cisco)
        {
            SafeJson.String(w, "uid", session.Scope.Account);
            SafeJson.String(w, "name", session.Scope.Account);
            SafeJson.String(w, "hostname", session.Scope.Account);
        }
        else
        {
            SafeJson.String(w, "uid", source?.Instance ?? source?.Id ?? session.Id);
            SafeJson.String(w, "name", source?.Name ?? source?.Instance ?? source?.Id ?? session.Id);
            SafeJson.String(w, "region", session.Scope.Region);
        }

        if (source?.Addresses is [var ip, ..] && System.Net.IPAddress.TryParse(ip, out _))
        {
            w.WriteString("ip", ip);
        }

        w.WriteStartArray("network_interfaces");
        foreach (var s in session.Sources.Take(50))
        {
            w.WriteStartObject();
            SafeJson.String(w, "uid", s.Id);
            SafeJson.String(w, "name", s.Name ?? s.Id);
            w.WriteNumber("type_id", 99);
            SafeJson.String(w, "type", s.Kind);
            if (s.Addresses.FirstOrDefault(a => System.Net.IPAddress.TryParse(a, out _)) is { } address)
            {
                w.WriteString("ip", address);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
