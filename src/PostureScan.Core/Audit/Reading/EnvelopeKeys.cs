using System.Text.Json;
using PostureScan.Core.Serialization;

namespace PostureScan.Core.Audit.Reading;

/// <summary>
/// The top-level keys of the delivery and API page envelopes. The record array's key tells an
/// envelope from a record, so one reader serves every format; the platform of each record is then
/// recognised from the record itself.
/// </summary>
internal static class EnvelopeKeys
{
    /// <summary>Keys whose array holds the records.</summary>
    private static readonly byte[][] RecordArrays =
    [
        "Records"u8.ToArray(),  // CloudTrail S3 delivery
        "Events"u8.ToArray(),   // CloudTrail LookupEvents page (CloudTrailEvent is a string in each)
        "records"u8.ToArray(),  // Azure Activity Log export (Event Hub, storage)
        "value"u8.ToArray(),    // Azure Activity Log REST page
        "entries"u8.ToArray(),  // GCP entries:list page
    ];

    /// <summary>Keys of a page that may come before its record array.</summary>
    private static readonly byte[][] Paging =
    [
        "NextToken"u8.ToArray(),
        "nextLink"u8.ToArray(),
        "nextPageToken"u8.ToArray(),
        "@odata.nextLink"u8.ToArray(),
    ];

    public static EnvelopeKey Classify(ReadOnlySpan<byte> quotedName)
    {
        var reader = new Utf8JsonReader(quotedName);
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return EnvelopeKey.Other;
        }

        // Comparing an escaped name unescapes it, which throws on an unpaired surrogate: unescape it tolerantly first.
        var name = reader.ValueIsEscaped ? System.Text.Encoding.UTF8.GetBytes(TolerantJson.Unescape(reader.ValueSpan)) : reader.ValueSpan;
        foreach (var key in RecordArrays)
        {
            if (name.SequenceEqual(key))
            {
                return EnvelopeKey.RecordArray;
            }
        }

        foreach (var key in Paging)
        {
            if (name.SequenceEqual(key))
            {
                return EnvelopeKey.Paging;
            }
        }

        return EnvelopeKey.Other;
    }
}
