using System.Globalization;
using System.Text.Json;

namespace PostureScan.Delivery.Splunk;

/// <summary>
/// Reads HEC's answer. The HTTP status decides, except that a 2xx whose body carries a failing HEC code
/// is a failure with that code's documented status (so "server is busy" is retried as a 503).
/// </summary>
internal static class HecAnswer
{
    public static (int StatusCode, string? Reason) Interpret(int status, string body)
    {
        var (code, invalidEvent) = Read(body);
        if (code is null)
        {
            return (status, null);
        }

        var known = HecStatusCodes.TryGet(code.Value, out var documentedStatus, out var text);
        var detail = known
            ? string.Create(CultureInfo.InvariantCulture, $"HEC code {code}: {text}")
            : string.Create(CultureInfo.InvariantCulture, $"HEC code {code}");
        if (invalidEvent is { } index)
        {
            detail += string.Create(CultureInfo.InvariantCulture, $" (event {index} of the batch)");
        }

        var success = code is 0 or 17;
        if (status is >= 200 and < 300)
        {
            // An unknown failing code under a 2xx: treat as a server fault worth retrying.
            return success ? (status, null) : (known ? documentedStatus : 502, detail);
        }

        return (status, detail);
    }

    private static (int? Code, int? InvalidEvent) Read(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("code", out var code) || !code.TryGetInt32(out var value))
            {
                return (null, null);
            }

            int? invalid = root.TryGetProperty("invalid-event-number", out var number) && number.TryGetInt32(out var n) ? n : null;
            return (value, invalid);
        }
        catch (JsonException)
        {
            // Not HEC's JSON (a proxy's page, a truncated body): the HTTP status alone speaks.
            return (null, null);
        }
    }
}
