using System.Text;
using System.Text.Json;

namespace PostureScan.Emulator.Arm;

/// <summary>
/// Writes ARM JSON: two-space indentation, camelCase names as ARM spells them, values escaped by
/// <see cref="Utf8JsonWriter"/>. Optional values are left out, as ARM leaves them out.
/// </summary>
internal static class ArmJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // ARM escapes only what JSON requires; hostile text still comes back as JSON strings.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Document(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static string CloudError(ArmError error) => Document(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("error");
        w.WriteString("code", error.Code);
        w.WriteString("message", error.Message);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>{"value": [...], "nextLink": "..."} with nextLink only when there is a next page.</summary>
    public static string List<T>(IEnumerable<T> items, string? nextLink, Action<Utf8JsonWriter, T> item) => Document(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("value");
        foreach (var value in items)
        {
            item(w, value);
        }

        w.WriteEndArray();
        w.Optional("nextLink", nextLink);
        w.WriteEndObject();
    });

    public static void Optional(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    public static void Optional(this Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }

    /// <summary>A reference to another resource, as ARM writes it: {"id": "..."}.</summary>
    public static void Reference(this Utf8JsonWriter writer, string name, string? id)
    {
        if (id is null)
        {
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteString("id", id);
        writer.WriteEndObject();
    }

    public static void Tags(this Utf8JsonWriter writer, IReadOnlyDictionary<string, string> tags)
    {
        if (tags.Count == 0)
        {
            return;
        }

        if (tags.Any(t => JsonText.HasLoneSurrogate(t.Key) || JsonText.HasLoneSurrogate(t.Value)))
        {
            // The writer would put U+FFFD in place of an unpaired surrogate; ARM serves it escaped.
            writer.WritePropertyName("tags");
            writer.WriteRawValue("{" + string.Join(", ", tags.Select(t => $"{Quoted(t.Key)}: {Quoted(t.Value)}")) + "}");
            return;
        }

        writer.WriteStartObject("tags");
        foreach (var (key, value) in tags)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }

    private static string Quoted(string text) => JsonText.Quoted(text, Options.Encoder!);
}
