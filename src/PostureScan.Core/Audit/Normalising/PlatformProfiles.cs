namespace PostureScan.Core.Audit.Normalising;

/// <summary>The field tables of CloudTrail, Azure Activity Log (REST and export shapes) and GCP Cloud Audit Logs.</summary>
internal static class PlatformProfiles
{
    public static PlatformProfile Aws { get; } = new(
        AuditPlatform.Aws,
        Time: [["eventTime"]],
        EventId: [["eventID"]],
        Scope: [["recipientAccountId"], ["userIdentity", "accountId"]],
        Region: [["awsRegion"]],
        UserAgent: [["userAgent"]],
        Service: [["eventSource"]],
        OperationId: [],
        Status: [["errorCode"]],
        FailureTest.Present,
        FailureValues: new HashSet<string>(),
        ErrorCode: [["errorCode"]],
        ErrorMessage: [["errorMessage"]],
        ResourceIds: [["resources", "*", "ARN"]],
        VerbStyle.LeadingWord,
        CreatedMarkers: [],
        ScopeSegment: null,
        RegionSegments: []);

    public static PlatformProfile Azure { get; } = new(
        AuditPlatform.Azure,
        Time: [["eventTimestamp"], ["time"]],
        EventId: [["eventDataId"], ["id"]],
        Scope: [["subscriptionId"]],
        Region: [["location"]],
        UserAgent: [],
        Service: [["resourceProviderName", "value"]],
        OperationId: [["operationId"], ["correlationId"]],
        Status: [["status", "value"], ["resultType"]],
        FailureTest.OneOf,
        FailureValues: new HashSet<string>(["Failed", "Failure", "Canceled", "Cancelled"], StringComparer.OrdinalIgnoreCase),
        ErrorCode: [["properties", "statusCode"], ["subStatus", "value"], ["resultSignature"]],
        ErrorMessage: [["properties", "statusMessage"], ["resultDescription"]],
        ResourceIds: [["resourceId"], ["resourceUri"], ["authorization", "scope"]],
        VerbStyle.LastSlashSegment,
        CreatedMarkers: [["properties", "statusCode"], ["subStatus", "value"], ["resultSignature"]],
        ScopeSegment: "subscriptions",
        RegionSegments: []);

    public static PlatformProfile Gcp { get; } = new(
        AuditPlatform.Gcp,
        Time: [["timestamp"], ["protoPayload", "requestMetadata", "requestAttributes", "time"], ["receiveTimestamp"]],
        EventId: [["insertId"]],
        Scope: [["resource", "labels", "project_id"]],
        Region: [["resource", "labels", "region"], ["resource", "labels", "location"], ["resource", "labels", "zone"],
            ["protoPayload", "resourceLocation", "currentLocations", "0"]],
        UserAgent: [["protoPayload", "requestMetadata", "callerSuppliedUserAgent"]],
        Service: [["protoPayload", "serviceName"]],
        OperationId: [["operation", "id"]],
        Status: [["protoPayload", "status", "code"]],
        FailureTest.NonZero,
        FailureValues: new HashSet<string>(),
        ErrorCode: [["protoPayload", "status", "code"]],
        ErrorMessage: [["protoPayload", "status", "message"]],
        ResourceIds: [["protoPayload", "resourceName"]],
        VerbStyle.LastDotSegment,
        CreatedMarkers: [],
        ScopeSegment: "projects",
        RegionSegments: ["regions", "zones", "locations"]);

    /// <summary>
    /// The platform of a record from its shape, not from a file name: the first of these top-level
    /// fields that the record has decides.
    /// </summary>
    public static IReadOnlyList<(string Field, PlatformProfile Profile)> ByShape { get; } =
    [
        ("eventVersion", Aws),
        ("userIdentity", Aws),
        ("eventSource", Aws),
        ("protoPayload", Gcp),
        ("logName", Gcp),
        ("operationName", Azure),
        ("resourceId", Azure),
    ];
}
