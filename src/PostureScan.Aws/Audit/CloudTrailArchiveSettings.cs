namespace PostureScan.Aws.Audit;

/// <summary>
/// An audit source of type <c>aws-s3</c>: the log files a trail delivers to an S3 bucket, for each account
/// and region, listing only the day folders of the time asked for. Connection and credentials come from the "Aws" section.
/// </summary>
public sealed class CloudTrailArchiveSettings
{
    public string Name { get; set; } = CloudTrailArchiveSource.TypeName;

    public string Type { get; set; } = CloudTrailArchiveSource.TypeName;

    public string Bucket { get; set; } = "";

    /// <summary>The trail's S3 key prefix, if it has one.</summary>
    public string? Prefix { get; set; }

    /// <summary>The organization id (o-...) of an organization trail, which files under AWSLogs/o-ORGID/ACCOUNT/.</summary>
    public string? OrganizationId { get; set; }

    /// <summary>The bucket's region; default the "Aws" section's HomeRegion.</summary>
    public string? BucketRegion { get; set; }

    /// <summary>A role to read the bucket with (in a log-archive account, say); default the base credentials.</summary>
    public string? RoleArn { get; set; }

    public string? ExternalId { get; set; }
}
