namespace PostureScan.Emulator.Worlds;

/// <summary>
/// An S3 bucket a trail delivers to: one gzip log file per account, region and hour of events, under
/// <c>[prefix/]AWSLogs/[o-org/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/</c>.
/// </summary>
public sealed record TrailBucket
{
    public string Name { get; init; } = "";

    /// <summary>The trail's S3 key prefix, without slashes at either end; null for none.</summary>
    public string? Prefix { get; init; }

    /// <summary>The organization id (o-...) of an organization trail; null for a trail of one account.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>The accounts whose CloudTrail events are delivered here (every region of each).</summary>
    public IReadOnlyList<string> Accounts { get; init; } = [];

    /// <summary>Key prefixes that the bucket policy denies: listing or getting under them is AccessDenied (HTTP 403).</summary>
    public IReadOnlyList<string> DeniedPrefixes { get; init; } = [];

    /// <summary>Faults of every call on the bucket.</summary>
    public Faults? Faults { get; init; }
}
