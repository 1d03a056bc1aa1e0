using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PostureScan.Emulator.Aws;

namespace PostureScan.Emulator.CloudTrail;

/// <summary>
/// CloudTrail in the AWS JSON 1.1 protocol: POST / with <c>X-Amz-Target</c> naming the operation. It
/// shares "/" with the query protocol, so it runs as middleware ahead of that endpoint and takes only
/// requests that carry the target header. LookupEvents is served; every other operation is refused and
/// counted, a write as a rejected write.
/// </summary>
internal static class CloudTrailEndpoint
{
    public const string TargetPrefix = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";
    private const string ContentType = "application/x-amz-json-1.1";
    private const int MaxBodyBytes = 1 << 20;

    public static void MapCloudTrail(this IApplicationBuilder app, EmulatorState state)
    {
        var calls = new CloudTrailCalls(state, new LookupRateLimit(state.Time));
        app.Use(async (http, next) =>
        {
            if (http.Request.Headers["X-Amz-Target"].FirstOrDefault() is { } target)
            {
                await HandleAsync(http, target, calls, state);
                return;
            }

            await next(http);
        });
    }

    private static async Task HandleAsync(HttpContext http, string target, CloudTrailCalls calls, EmulatorState state)
    {
        var requestId = Guid.NewGuid().ToString();
        var scope = SigV4Scope.Parse(http.Request.Headers.Authorization);
        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        var operation = target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : null;
        var (status, json, code) = operation is null || !HttpMethods.IsPost(http.Request.Method)
            ? Error(JsonError.Client("UnknownOperationException", "Unknown operation."))
            : body is null
                ? Error(JsonError.Client("SerializationException", "The request body is too large or not JSON."))
                : await calls.RunAsync(operation, scope, http.Request.Headers["X-Amz-Security-Token"].FirstOrDefault(), body.Value, http.RequestAborted);

        http.Response.StatusCode = status;
        http.Response.ContentType = ContentType;
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        state.Options.RequestLog?.WriteLine(
            $"cloudtrail {operation ?? "-"} {scope?.AccessKeyId ?? "-"} {scope?.Region ?? "-"} -> {status}{(code is null ? "" : " " + code)}");
        await http.Response.WriteAsync(json, Encoding.UTF8, http.RequestAborted);
    }

    public static (int Status, string Body, string? Code) Error(JsonError error) =>
        (error.Status, JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = error.Code, ["message"] = error.Message }), error.Code);

    private static async Task<JsonElement?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.Length == 0 ? "{}"u8.ToArray() : buffer.ToArray());
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
