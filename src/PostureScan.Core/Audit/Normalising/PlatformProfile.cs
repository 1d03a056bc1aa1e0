namespace PostureScan.Core.Audit.Normalising;

/// <summary>
/// Where one platform's records keep each field, as data. Every chain is tried in order; the
/// first present value wins. <paramref name="CreatedMarkers"/> are fields whose value "Created"
/// tells a create from an update where the operation name alone cannot (Azure's PUT is both);
/// <paramref name="ScopeSegment"/> and <paramref name="RegionSegments"/> name the path segments of
/// resource ids that hold the scope and region when no field does.
/// </summary>
internal sealed record PlatformProfile(
    AuditPlatform Platform,
    IReadOnlyList<string[]> Time,
    IReadOnlyList<string[]> EventId,
    IReadOnlyList<string[]> Scope,
    IReadOnlyList<string[]> Region,
    IReadOnlyList<string[]> UserAgent,
    IReadOnlyList<string[]> Service,
    IReadOnlyList<string[]> OperationId,
    IReadOnlyList<string[]> Status,
    FailureTest FailureTest,
    IReadOnlySet<string> FailureValues,
    IReadOnlyList<string[]> ErrorCode,
    IReadOnlyList<string[]> ErrorMessage,
    IReadOnlyList<string[]> ResourceIds,
    VerbStyle VerbStyle,
    IReadOnlyList<string[]> CreatedMarkers,
    string? ScopeSegment,
    IReadOnlyList<string> RegionSegments);
