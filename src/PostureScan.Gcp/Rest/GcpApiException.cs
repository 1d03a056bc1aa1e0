using System.Net;

namespace PostureScan.Gcp.Rest;

/// <summary>A Google API answered with an error status; <see cref="Reason"/> is the first "errors[].reason".</summary>
internal sealed class GcpApiException(HttpStatusCode status, string? reason, string message)
    : Exception(message)
{
    public HttpStatusCode Status { get; } = status;

    public string? Reason { get; } = reason;

    /// <summary>Forbidden or missing: the resource is not visible to us, which is a fact, not a failure of the scan.</summary>
    public bool IsNotVisible => Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
        && Reason is not ("rateLimitExceeded" or "userRateLimitExceeded");
}
