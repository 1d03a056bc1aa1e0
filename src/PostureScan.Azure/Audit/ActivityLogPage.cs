using System.Text.Json;
using PostureScan.Core.Serialization;

namespace PostureScan.Azure.Audit;

/// <summary>Reads a page's nextLink from its top level, without parsing the events (the audit readers do).</summary>
internal static class ActivityLogPage
{
    public static string? NextLink(byte[] page)
    {
        var reader = new Utf8JsonReader(page, new JsonReaderOptions { MaxDepth = 256 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("an Activity Log page is not a JSON object");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isLink = reader.ValueTextEquals("nextLink");
            reader.Read();
            if (isLink)
            {
                return TolerantJson.StringOf(ref reader);
            }

            reader.Skip();
        }

        return null;
    }
}
