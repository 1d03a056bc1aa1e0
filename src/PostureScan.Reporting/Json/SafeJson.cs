using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PostureScan.Reporting.Text;

namespace PostureScan.Reporting.Json;

/// <summary>
/// JSON that is well-formed whatever the data: strings are cleaned (lone surrogates replaced, size bounded)
/// before they reach the writer, which escapes control characters and, with the default encoder, the
/// characters that matter in HTML, so a value stays inert even if the JSON is pasted into a page.
/// </summary>
internal static class SafeJson
{
    public static JsonWriterOptions WriterOptions { get; } = new() { Indented = true, Encoder = JavaScriptEncoder.Default };

    public static void String(Utf8JsonWriter writer, string name, string? value, int max = Limits.Export)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, SafeText.Clean(value, max));
        }
    }

    public static void Value(Utf8JsonWriter writer, string? value, int max = Limits.Export)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(SafeText.Clean(value, max));
        }
    }

    public static void Time(Utf8JsonWriter writer, string name, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            writer.WriteString(name, Formats.Iso(t));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>A copy of <paramref name="node"/> in which every string value and every property name is cleaned.</summary>
    public static JsonNode? Clean(JsonNode? node, int max = Limits.Export) => node switch
    {
        null => null,
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(SafeText.Clean(p.Key, 256), Clean(p.Value, max)))
            // Two keys that differ only in a lone surrogate clean to the same text: the first is kept.
            .DistinctBy(p => p.Key, StringComparer.Ordinal)),
        JsonArray array => new JsonArray([.. array.Select(item => Clean(item, max))]),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => JsonValue.Create(SafeText.Clean(value.GetValue<string>(), max)),
        _ => node.DeepClone(),
    };

    /// <summary>Writes an object of tags (keys and values cleaned), keys in ordinal order so output is stable.</summary>
    public static void Tags(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string> tags, int max = Limits.Export)
    {
        writer.WriteStartObject(name);
        foreach (var (key, value) in tags.Select(t => (SafeText.Clean(t.Key, 256), t.Value)).DistinctBy(t => t.Item1, StringComparer.Ordinal).OrderBy(t => t.Item1, StringComparer.Ordinal))
        {
            writer.WriteString(key, SafeText.Clean(value, max));
        }

        writer.WriteEndObject();
    }
}
