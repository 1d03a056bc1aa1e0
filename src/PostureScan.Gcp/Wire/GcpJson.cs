using System.Text.Json;
using System.Text.Json.Serialization;

namespace PostureScan.Gcp.Wire;

/// <summary>How Google's REST JSON is read: camelCase names, 64-bit numbers sometimes sent as strings.</summary>
internal static class GcpJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        MaxDepth = 32,
    };
}
