using System.Text.Json.Nodes;

namespace PostureScan.Emulator.Gcp;

/// <summary>What a handler answers: a status, a JSON body, and for throttling the Retry-After seconds.</summary>
internal sealed record GcpResponse(int Status, JsonNode Body, int? RetryAfterSeconds = null, string? Reason = null)
{
    public static GcpResponse Ok(JsonNode body) => new(200, body);
}
