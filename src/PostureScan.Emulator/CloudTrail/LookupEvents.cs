using System.Text;
using System.Text.Json;
using PostureScan.Emulator.Ec2;

namespace PostureScan.Emulator.CloudTrail;

/// <summary>
/// LookupEvents: a scope's events in the time range that match the lookup attribute, newest first,
/// MaxResults at a time, with a NextToken bound to the query. EventTime is epoch seconds and
/// CloudTrailEvent is the record as a JSON string, as the JSON 1.1 protocol puts them.
/// </summary>
internal static class LookupEvents
{
    /// <summary>Resource types by name fragment, most specific first (FilterRule before Filter).</summary>
    private static readonly (string Fragment, string Type)[] ResourceTypes =
    [
        ("FilterRule", "AWS::EC2::TrafficMirrorFilterRule"),
        ("Filter", "AWS::EC2::TrafficMirrorFilter"),
        ("Target", "AWS::EC2::TrafficMirrorTarget"),
        ("Session", "AWS::EC2::TrafficMirrorSession"),
    ];

    /// <summary>The response body, or the error code and message when the token does not belong to the query.</summary>
    public static string? Page(IReadOnlyList<TrailEvent> events, LookupQuery query, out (string Code, string Message) error)
    {
        error = default;
        var offset = 0;
        if (query.NextToken is { } token)
        {
            if (PageToken.Decode(query.Fingerprint, token) is not { } decoded)
            {
                error = ("InvalidNextTokenException", "Invalid NextToken.");
                return null;
            }

            offset = decoded;
        }

        var matching = events.Where(query.Includes).ToList();
        var page = matching.Skip(offset).Take(query.MaxResults).ToList();
        var next = offset + page.Count < matching.Count ? PageToken.Encode(query.Fingerprint, offset + page.Count) : null;

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("Events");
            foreach (var e in page)
            {
                Write(w, e);
            }

            w.WriteEndArray();
            if (next is not null)
            {
                w.WriteString("NextToken", next);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Write(Utf8JsonWriter w, TrailEvent e)
    {
        var record = e.Record;
        w.WriteStartObject();
        w.WriteString("EventId", e.EventId);
        w.WriteString("EventName", record.Name);
        w.WriteString("ReadOnly", CloudTrailRecords.IsReadOnly(record.Name) ? "true" : "false");
        w.WriteNumber("EventTime", record.Time.ToUnixTimeMilliseconds() / 1000.0);
        w.WriteString("EventSource", e.Source);
        if (CloudTrailRecords.UserName(record.Actor) is { } user)
        {
            w.WriteString("Username", user);
        }

        w.WriteStartArray("Resources");
        if (record.ResourceId is { } id)
        {
            w.WriteStartObject();
            var type = record.Name.Contains("TrafficMirror", StringComparison.Ordinal)
                ? ResourceTypes.FirstOrDefault(t => record.Name.Contains(t.Fragment, StringComparison.Ordinal)).Type
                : null;
            if (type is not null)
            {
                w.WriteString("ResourceType", type);
            }

            w.WriteString("ResourceName", id);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("CloudTrailEvent", e.Json);
        w.WriteEndObject();
    }
}
