using System.Text.Json;
using PostureScan.Core.Serialization;

namespace PostureScan.Aws.Audit;

/// <summary>The body of one LookupEvents call: one lookup attribute, the time range in epoch seconds, page size and token.</summary>
internal sealed record LookupPageRequest(string AttributeKey, string AttributeValue, DateTimeOffset Start, DateTimeOffset End, int MaxResults, string? NextToken)
{
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("LookupAttributes");
            w.WriteStartObject();
            w.WriteString(nameof(AttributeKey), AttributeKey);
            w.WriteString(nameof(AttributeValue), AttributeValue);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteNumber("StartTime", Start.ToUnixTimeSeconds());
            w.WriteNumber("EndTime", End.ToUnixTimeSeconds());
            w.WriteNumber(nameof(MaxResults), MaxResults);
            if (NextToken is not null)
            {
                w.WriteString(nameof(NextToken), NextToken);
            }

            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The NextToken of a page, read from its top level without parsing the events.</summary>
    public static string? NextTokenOf(byte[] page)
    {
        var reader = new Utf8JsonReader(page, new JsonReaderOptions { MaxDepth = 256 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isToken = reader.ValueTextEquals(nameof(NextToken));
            reader.Read();
            if (isToken)
            {
                return TolerantJson.StringOf(ref reader);
            }

            reader.Skip();
        }

        return null;
    }
}
