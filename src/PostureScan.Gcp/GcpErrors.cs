using System.Net;
using System.Text.Json;
using Google.Apis.Auth.OAuth2.Responses;
using PostureScan.Core.Scanning;
using PostureScan.Gcp.Rest;

namespace PostureScan.Gcp;

/// <summary>Maps Google API errors to why a scope failed. Tables, not a chain of ifs.</summary>
internal static class GcpErrors
{
    private static readonly Dictionary<HttpStatusCode, ScopeErrorKind> ByStatus = new()
    {
        [HttpStatusCode.Unauthorized] = ScopeErrorKind.AccessDenied,
        [HttpStatusCode.Forbidden] = ScopeErrorKind.AccessDenied,
        [HttpStatusCode.TooManyRequests] = ScopeErrorKind.Throttled,
        [HttpStatusCode.InternalServerError] = ScopeErrorKind.Unreachable,
        [HttpStatusCode.BadGateway] = ScopeErrorKind.Unreachable,
        [HttpStatusCode.ServiceUnavailable] = ScopeErrorKind.Unreachable,
        [HttpStatusCode.GatewayTimeout] = ScopeErrorKind.Unreachable,
    };

    // Google also answers quota exhaustion with 403 and these reasons.
    private static readonly Dictionary<string, ScopeErrorKind> ByReason = new(StringComparer.Ordinal)
    {
        ["rateLimitExceeded"] = ScopeErrorKind.Throttled,
        ["userRateLimitExceeded"] = ScopeErrorKind.Throttled,
        ["RESOURCE_EXHAUSTED"] = ScopeErrorKind.Throttled,
    };

    public static (ScopeErrorKind Kind, string Message) Classify(Exception exception) => exception switch
    {
        GcpApiException { Reason: { } reason } e when ByReason.TryGetValue(reason, out var kind) => (kind, e.Message),
        GcpApiException e => (ByStatus.GetValueOrDefault(e.Status, ScopeErrorKind.Other), e.Message),
        TokenResponseException e => (ScopeErrorKind.AccessDenied, $"token request refused: {e.Error?.Error} {e.Error?.ErrorDescription}".TrimEnd()),
        HttpRequestException e => (ScopeErrorKind.Unreachable, e.Message),
        TaskCanceledException e => (ScopeErrorKind.Unreachable, $"timed out: {e.Message}"),
        JsonException e => (ScopeErrorKind.InvalidResponse, e.Message),
        GcpCredentialException e => (ScopeErrorKind.AccessDenied, e.Message),
        _ => (ScopeErrorKind.Other, $"{exception.GetType().Name}: {exception.Message}"),
    };
}
