using System.Text.Json;
using PostureScan.Core.Serialization;
using PostureScan.Core.Text;

namespace PostureScan.Azure.Wire;

/// <summary>
/// One ARM resource as read: the envelope fields every resource has, its "properties" object for the
/// typed views, and the JSON as received for export. Strings are cloud data: bounded here, once, and
/// read through <see cref="TolerantJson"/>, so an unpaired surrogate in a tag reads as U+FFFD.
/// </summary>
internal sealed record ArmDocument(string Id, string Name, string? Location, IReadOnlyDictionary<string, string> Tags, JsonElement Properties, string Raw)
{
    private const int MaxTags = 64;
    private const int MaxText = 1024;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>Reads a resource object; throws <see cref="JsonException"/> when it is not one.</summary>
    public static ArmDocument Parse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || Text(element, "id") is not { Length: > 0 } id)
        {
            throw new JsonException("an ARM resource without an id");
        }

        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.TryGetProperty("tags", out var tagObject) && tagObject.ValueKind == JsonValueKind.Object)
        {
            foreach (var tag in tagObject.EnumerateObject().Take(MaxTags))
            {
                tags[Bound(TolerantJson.NameOf(tag))] = Bound(TolerantJson.StringOf(tag.Value) ?? tag.Value.GetRawText());
            }
        }

        var properties = element.TryGetProperty("properties", out var p) ? p.Clone() : default;
        return new ArmDocument(id, Text(element, "name") ?? id[(id.LastIndexOf('/') + 1)..], Text(element, "location"), tags, properties, element.GetRawText());
    }

    public static ArmDocument Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Parse(document.RootElement);
    }

    /// <summary>The typed view of "properties"; null when the resource has none.</summary>
    public T? PropertiesAs<T>()
        where T : class =>
        Properties.ValueKind == JsonValueKind.Object ? Properties.Deserialize<T>(Options) : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? Bound(TolerantJson.StringOf(value)) : null;

    private static string Bound(string? text) => BoundedText.Clip(text, MaxText) ?? "";
}
