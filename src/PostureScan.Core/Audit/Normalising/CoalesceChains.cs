namespace PostureScan.Core.Audit.Normalising;

/// <summary>
/// The seed query's coalesce chains, applied to every record whatever its platform, followed by the
/// fallbacks that keep a name on events the seed query showed as empty (role sessions, service calls).
/// </summary>
internal static class CoalesceChains
{
    public const string UpnClaim = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn";

    public static IReadOnlyList<string[]> EventName { get; } =
    [
        ["eventName"],
        ["operationName"],
        ["operationName", "value"],
        ["protoPayload", "methodName"],
    ];

    public static IReadOnlyList<string[]> SourceIp { get; } =
    [
        ["sourceIPAddress"],
        ["callerIpAddress"],
        ["httpRequest", "clientIpAddress"],
        ["protoPayload", "requestMetadata", "callerIp"],
    ];

    public static IReadOnlyList<string[]> Actor { get; } =
    [
        ["userIdentity", "arn"],
        ["caller"],
        ["identity", "claims", UpnClaim],
        ["identity", "claims", "appid"],
        ["protoPayload", "authenticationInfo", "principalEmail"],
        // Beyond the seed query: the REST shape keeps claims at the top; AWS service calls have no ARN.
        ["claims", UpnClaim],
        ["claims", "appid"],
        ["userIdentity", "sessionContext", "sessionIssuer", "arn"],
        ["userIdentity", "invokedBy"],
        ["userIdentity", "principalId"],
        ["protoPayload", "authenticationInfo", "principalSubject"],
    ];
}
