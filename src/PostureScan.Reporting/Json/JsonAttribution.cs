using System.Text.Json;
using System.Text.Json.Nodes;
using PostureScan.Core.Attribution;
using PostureScan.Core.Inventory;
using PostureScan.Core.Serialization;
using PostureScan.Reporting.Text;

namespace PostureScan.Reporting.Json;

/// <summary>
/// A mirror's attributions in the JSON export: the record's own shape (<see cref="PostureJson"/>), every string
/// cleaned, with the state named as in every other output (source-unavailable, not the stored camelCase).
/// </summary>
internal static class JsonAttribution
{
    public static JsonNode? Node(Attribution? attribution)
    {
        if (attribution is null)
        {
            return null;
        }

        var node = SafeJson.Clean(JsonSerializer.SerializeToNode(attribution, PostureJson.Options))!.AsObject();
        node["state"] = AttributionStateNames.Of(attribution.State);
        return node;
    }

    /// <summary>Each part after the session itself (target, filter, rules, tap configurations) with its attribution.</summary>
    public static JsonArray Parts(MirrorSession session, ReportView view) =>
        [.. SessionParts.Of(session).Skip(1).Select(p => new JsonObject
        {
            ["kind"] = p.Kind,
            ["resourceId"] = SafeText.Clean(p.ResourceId, Limits.Export),
            ["attribution"] = Node(view.AttributionOf(p.ResourceId)),
        })];
}
