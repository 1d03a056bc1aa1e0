using System.Text.Json.Nodes;

namespace PostureScan.Emulator.Gcp;

/// <summary>Google's error bodies: {"error": {"code", "message", "errors": [{"message", "domain", "reason"}], "status"}}.</summary>
internal static class GcpErrors
{
    /// <summary>Values echoed back in messages are cut to this length.</summary>
    private const int MaxEcho = 200;

    /// <summary>Seconds a throttled caller is asked to wait.</summary>
    public const int RetryAfterSeconds = 1;

    public static GcpResponse Forbidden(string permission, string resource) =>
        Error(403, "forbidden", $"Required '{permission}' permission for '{Echo(resource)}'");

    public static GcpResponse NotFound(string resource) =>
        Error(404, "notFound", $"The resource '{Echo(resource)}' was not found");

    public static GcpResponse RateLimited(string projectNumber) => Error(
        429,
        "rateLimitExceeded",
        $"Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute' of service 'compute.googleapis.com' for consumer 'project_number:{projectNumber}'.",
        "RESOURCE_EXHAUSTED",
        "usageLimits") with { RetryAfterSeconds = RetryAfterSeconds };

    public static GcpResponse Invalid(string field, string value, string why) =>
        Error(400, "invalid", $"Invalid value for field '{field}': '{Echo(value)}'. {why}");

    public static GcpResponse Backend(int code) => Error(
        code,
        "backendError",
        code == 503 ? "The service is currently unavailable." : "Internal error. Please try again or contact Google Support.",
        code == 503 ? "UNAVAILABLE" : "INTERNAL");

    public static GcpResponse Unauthenticated(bool tokenGiven) => tokenGiven
        ? Error(401, "authError", "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.", "UNAUTHENTICATED")
        : Error(401, "required", "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.", "UNAUTHENTICATED");

    public static GcpResponse InsufficientScopes() =>
        Error(403, "insufficientPermissions", "Request had insufficient authentication scopes.", "PERMISSION_DENIED");

    public static GcpResponse Error(int code, string reason, string message, string? status = null, string domain = "global")
    {
        var error = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["domain"] = domain, ["reason"] = reason }),
        };
        if (status is not null)
        {
            error["status"] = status;
        }

        return new GcpResponse(code, new JsonObject { ["error"] = error }, Reason: reason);
    }

    private static string Echo(string value) => value.Length <= MaxEcho ? value : value[..MaxEcho];
}
