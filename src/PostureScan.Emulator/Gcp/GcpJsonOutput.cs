using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace PostureScan.Emulator.Gcp;

/// <summary>
/// Google pretty-prints JSON responses by default (prettyPrint=true). World text goes in through
/// <see cref="Text"/>, so an unpaired surrogate in it is served escaped, as JSON can carry it.
/// </summary>
internal static class GcpJsonOutput
{
    public static JsonSerializerOptions Indented { get; } = Create();

    private static JsonTypeInfo<EscapedText> Escaped => (JsonTypeInfo<EscapedText>)Indented.GetTypeInfo(typeof(EscapedText));

    public static JsonNode Text(string text) =>
        JsonText.HasLoneSurrogate(text) ? JsonValue.Create(new EscapedText(text), Escaped)! : JsonValue.Create(text)!;

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            Converters = { new EscapedTextConverter() },
        };
        options.MakeReadOnly();
        return options;
    }

    private sealed class EscapedTextConverter : JsonConverter<EscapedText>
    {
        public override EscapedText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("the emulator only writes its answers");

        public override void Write(Utf8JsonWriter writer, EscapedText value, JsonSerializerOptions options) =>
            writer.WriteRawValue(JsonText.Quoted(value.Value, JavaScriptEncoder.Default));
    }
}
