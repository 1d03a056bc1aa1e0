using Amazon.Runtime;
using PostureScan.Core.Scanning;

namespace PostureScan.Aws;

/// <summary>Maps AWS error codes to why a scope failed. A table, not a chain of ifs.</summary>
internal static class AwsErrors
{
    private static readonly Dictionary<string, ScopeErrorKind> ByCode = new(StringComparer.Ordinal)
    {
        ["UnauthorizedOperation"] = ScopeErrorKind.AccessDenied,
        ["AccessDenied"] = ScopeErrorKind.AccessDenied,
        ["AccessDeniedException"] = ScopeErrorKind.AccessDenied,
        ["AuthFailure"] = ScopeErrorKind.AccessDenied,
        ["InvalidClientTokenId"] = ScopeErrorKind.AccessDenied,
        ["ExpiredToken"] = ScopeErrorKind.AccessDenied,
        ["OptInRequired"] = ScopeErrorKind.RegionDisabled,
        ["RequestLimitExceeded"] = ScopeErrorKind.Throttled,
        ["Throttling"] = ScopeErrorKind.Throttled,
        ["ThrottlingException"] = ScopeErrorKind.Throttled,
        ["InternalError"] = ScopeErrorKind.Unreachable,
        ["ServiceUnavailable"] = ScopeErrorKind.Unreachable,
        ["Unavailable"] = ScopeErrorKind.Unreachable,
    };

    public static (ScopeErrorKind Kind, string Message) Classify(Exception exception) => exception switch
    {
        AmazonServiceException { ErrorCode: { } code } e when ByCode.TryGetValue(code, out var kind) =>
            (kind, $"{code}: {e.Message}"),
        AmazonServiceException { ErrorCode: { } code } e => (ScopeErrorKind.Other, $"{code}: {e.Message}"),
        AmazonServiceException e when (int)e.StatusCode >= 500 => (ScopeErrorKind.Unreachable, e.Message),
        HttpRequestException e => (ScopeErrorKind.Unreachable, e.Message),
        TimeoutException e => (ScopeErrorKind.Unreachable, e.Message),
        TaskCanceledException e => (ScopeErrorKind.Unreachable, $"timed out: {e.Message}"),
        AmazonClientException e => (ScopeErrorKind.InvalidResponse, e.Message),
        _ => (ScopeErrorKind.Other, $"{exception.GetType().Name}: {exception.Message}"),
    };
}
