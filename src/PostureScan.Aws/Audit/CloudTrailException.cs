using System.Net;

namespace PostureScan.Aws.Audit;

/// <summary>An error answer of the CloudTrail JSON protocol: its <c>__type</c> code, message and HTTP status.</summary>
internal sealed class CloudTrailException(string code, string message, HttpStatusCode status)
    : Exception($"{code}: {message}")
{
    public string Code { get; } = code;

    public HttpStatusCode Status { get; } = status;

    public bool IsRetryable => Code is "ThrottlingException" or "InternalFailure" or "ServiceUnavailable" || (int)Status >= 500;
}
