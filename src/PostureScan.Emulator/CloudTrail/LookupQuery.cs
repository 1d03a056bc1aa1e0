using System.Text.Json;

namespace PostureScan.Emulator.CloudTrail;

/// <summary>A parsed LookupEvents request: at most one lookup attribute, a time range, a page size and token.</summary>
internal sealed record LookupQuery(string? AttributeKey, string? AttributeValue, DateTimeOffset Start, DateTimeOffset End, int MaxResults, string? NextToken)
{
    /// <summary>The attribute keys CloudTrail accepts and what each compares.</summary>
    private static readonly Dictionary<string, Func<TrailEvent, string?>> Attributes = new(StringComparer.Ordinal)
    {
        ["EventId"] = e => e.EventId,
        ["EventName"] = e => e.Record.Name,
        ["EventSource"] = e => e.Source,
        ["ReadOnly"] = e => CloudTrailRecords.IsReadOnly(e.Record.Name) ? "true" : "false",
        ["Username"] = e => CloudTrailRecords.UserName(e.Record.Actor),
        ["ResourceName"] = e => e.Record.ResourceId,
    };

    public bool Includes(TrailEvent e) =>
        e.Time >= Start && e.Time <= End
        && (AttributeKey is null || string.Equals(Attributes[AttributeKey](e), AttributeValue, StringComparison.Ordinal));

    /// <summary>What a page token is bound to: the same query, whatever page.</summary>
    public string Fingerprint => $"{AttributeKey}={AttributeValue}/{Start.ToUnixTimeSeconds()}/{End.ToUnixTimeSeconds()}/{MaxResults}";

    /// <summary>Parses the JSON body; on failure returns the error code and message CloudTrail would give.</summary>
    public static LookupQuery? Parse(JsonElement body, DateTimeOffset now, out (string Code, string Message) error)
    {
        error = default;
        string? key = null;
        string? value = null;
        if (body.TryGetProperty("LookupAttributes", out var attributes) && attributes.ValueKind == JsonValueKind.Array)
        {
            if (attributes.GetArrayLength() > 1)
            {
                error = ("InvalidLookupAttributesException", "You can specify only one lookup attribute.");
                return null;
            }

            foreach (var attribute in attributes.EnumerateArray())
            {
                key = attribute.TryGetProperty(nameof(AttributeKey), out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
                value = attribute.TryGetProperty(nameof(AttributeValue), out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                if (key is null || value is null || !Attributes.ContainsKey(key))
                {
                    error = ("InvalidLookupAttributesException", $"The lookup attribute key '{key}' is not supported.");
                    return null;
                }
            }
        }

        var start = Epoch(body, "StartTime") ?? now.AddDays(-90);
        var end = Epoch(body, "EndTime") ?? now;
        if (start > end)
        {
            error = ("InvalidTimeRangeException", "Start time must be earlier than end time.");
            return null;
        }

        var max = body.TryGetProperty(nameof(MaxResults), out var m) && m.TryGetInt32(out var n) ? n : 50;
        if (max is < 1 or > 50)
        {
            error = ("InvalidMaxResultsException", "MaxResults must be between 1 and 50.");
            return null;
        }

        var token = body.TryGetProperty(nameof(NextToken), out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return new LookupQuery(key, value, start, end, max, token);
    }

    /// <summary>The JSON protocol's timestamps are epoch seconds, possibly with a fraction.</summary>
    private static DateTimeOffset? Epoch(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.TryGetDouble(out var seconds) && seconds is >= 0 and < 253402300800
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000))
            : null;
}
