using System.Text.Json;
using Amazon.Runtime;
using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Live;

namespace PostureScan.Aws.Audit;

/// <summary>Why an audit read of a scope failed, from the error: a table of codes, then the inventory's classification.</summary>
internal static class AuditErrors
{
    private static readonly Dictionary<string, AuditSourceFailureKind> ByCode = new(StringComparer.Ordinal)
    {
        ["AccessDeniedException"] = AuditSourceFailureKind.AccessDenied,
        ["AccessDenied"] = AuditSourceFailureKind.AccessDenied,
        ["UnrecognizedClientException"] = AuditSourceFailureKind.AccessDenied,
        ["InvalidAccessKeyId"] = AuditSourceFailureKind.AccessDenied,
        ["ThrottlingException"] = AuditSourceFailureKind.Throttled,
        ["SlowDown"] = AuditSourceFailureKind.Throttled,
        ["NoSuchBucket"] = AuditSourceFailureKind.NotFound,
        ["NoSuchKey"] = AuditSourceFailureKind.NotFound,
        ["InvalidTimeRangeException"] = AuditSourceFailureKind.Configuration,
        ["InvalidLookupAttributesException"] = AuditSourceFailureKind.Configuration,
        ["InvalidNextTokenException"] = AuditSourceFailureKind.InvalidResponse,
    };

    public static AuditSourceFailure Classify(Exception exception) => exception switch
    {
        CloudTrailException e => new(ByCode.GetValueOrDefault(e.Code, (int)e.Status >= 500 ? AuditSourceFailureKind.Unreachable : AuditSourceFailureKind.Other), e.Message),
        AmazonServiceException { ErrorCode: { } code } e when ByCode.TryGetValue(code, out var kind) => new(kind, $"{code}: {e.Message}"),
        InvalidDataException or JsonException => new(AuditSourceFailureKind.InvalidResponse, exception.Message),
        _ => AuditFailures.FromScopeError(AwsErrors.Classify(exception)),
    };
}
