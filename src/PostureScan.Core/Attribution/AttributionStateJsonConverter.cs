using System.Text.Json;
using System.Text.Json.Serialization;

namespace PostureScan.Core.Attribution;

/// <summary>
/// The stored spelling of <see cref="AttributionState"/>: camelCase member names, as every enum of the
/// project's records. On read it also accepts "unknown", the name that <see cref="AttributionState.SourceUnavailable"/>
/// had when earlier versions stored their runs, so those runs read without a data migration.
/// </summary>
public sealed class AttributionStateJsonConverter : JsonConverter<AttributionState>
{
    private const string LegacySourceUnavailable = "unknown";

    private static readonly JsonConverter<AttributionState> Current = (JsonConverter<AttributionState>)
        new JsonStringEnumConverter<AttributionState>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
            .CreateConverter(typeof(AttributionState), JsonSerializerOptions.Default);

    public override AttributionState Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(LegacySourceUnavailable))
        {
            return AttributionState.SourceUnavailable;
        }

        return Current.Read(ref reader, typeToConvert, options);
    }

    public override void Write(Utf8JsonWriter writer, AttributionState value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Current.Write(writer, value, options);
    }
}
