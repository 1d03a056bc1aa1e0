using System.Text.Json;
using Azure;
using Azure.Identity;
using PostureScan.Core.Scanning;
using PostureScan.Core.Text;

namespace PostureScan.Azure;

/// <summary>Maps ARM error codes and HTTP statuses to why a scope failed. Tables, not a chain of ifs.</summary>
internal static class AzureErrors
{
    private const int MaxMessage = 500;

    private static readonly Dictionary<string, ScopeErrorKind> ByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AuthorizationFailed"] = ScopeErrorKind.AccessDenied,
        ["LinkedAuthorizationFailed"] = ScopeErrorKind.AccessDenied,
        ["AuthenticationFailed"] = ScopeErrorKind.AccessDenied,
        ["InvalidAuthenticationToken"] = ScopeErrorKind.AccessDenied,
        ["InvalidAuthenticationTokenTenant"] = ScopeErrorKind.AccessDenied,
        ["ExpiredAuthenticationToken"] = ScopeErrorKind.AccessDenied,
        ["SubscriptionRequestsThrottled"] = ScopeErrorKind.Throttled,
        ["TenantRequestsThrottled"] = ScopeErrorKind.Throttled,
        ["ResourceRequestsThrottled"] = ScopeErrorKind.Throttled,
        ["TooManyRequests"] = ScopeErrorKind.Throttled,
        ["SubscriptionNotFound"] = ScopeErrorKind.Other,
        ["InternalServerError"] = ScopeErrorKind.Unreachable,
        ["ServiceUnavailable"] = ScopeErrorKind.Unreachable,
        ["GatewayTimeout"] = ScopeErrorKind.Unreachable,
    };

    private static readonly Dictionary<int, ScopeErrorKind> ByStatus = new()
    {
        [401] = ScopeErrorKind.AccessDenied,
        [403] = ScopeErrorKind.AccessDenied,
        [429] = ScopeErrorKind.Throttled,
        [500] = ScopeErrorKind.Unreachable,
        [502] = ScopeErrorKind.Unreachable,
        [503] = ScopeErrorKind.Unreachable,
        [504] = ScopeErrorKind.Unreachable,
    };

    public static (ScopeErrorKind Kind, string Message) Classify(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 } e => (ScopeErrorKind.Unreachable, FirstLine(e.Message)),
        RequestFailedException e => (Kind(e), e.ErrorCode is { Length: > 0 } code ? $"{code}: {FirstLine(e.Message)}" : $"HTTP {e.Status}: {FirstLine(e.Message)}"),
        CredentialUnavailableException e => (ScopeErrorKind.AccessDenied, $"no Azure credential: {FirstLine(e.Message)}"),
        // The identity provider's own message (AADSTS code and text) is the inner exception's.
        AuthenticationFailedException e => (ScopeErrorKind.AccessDenied, $"sign-in failed: {FirstLine((e.InnerException ?? e).Message)}"),
        JsonException e => (ScopeErrorKind.InvalidResponse, $"unreadable response: {FirstLine(e.Message)}"),
        InvalidDataException e => (ScopeErrorKind.InvalidResponse, FirstLine(e.Message)),
        HttpRequestException e => (ScopeErrorKind.Unreachable, FirstLine(e.Message)),
        TaskCanceledException e => (ScopeErrorKind.Unreachable, $"timed out: {FirstLine(e.Message)}"),
        _ => (ScopeErrorKind.Other, $"{exception.GetType().Name}: {FirstLine(exception.Message)}"),
    };

    private static ScopeErrorKind Kind(RequestFailedException e) =>
        e.ErrorCode is { } code && ByCode.TryGetValue(code, out var byCode) ? byCode
        : ByStatus.TryGetValue(e.Status, out var byStatus) ? byStatus
        : ScopeErrorKind.Other;

    /// <summary>Azure's exception messages append the whole response; the first line is the message.</summary>
    private static string FirstLine(string message)
    {
        var line = message.AsSpan().Trim();
        var end = line.IndexOfAny('\r', '\n');
        var first = (end < 0 ? line : line[..end]).ToString();
        return BoundedText.Clip(first, MaxMessage);
    }
}
