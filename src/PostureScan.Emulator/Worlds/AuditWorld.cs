namespace PostureScan.Emulator.Worlds;

/// <summary>
/// The audit section: the events each scope's log holds. The emulator renders every event in the wire
/// shape of the service that serves it (a CloudTrail record, an Activity Log event, a LogEntry).
/// </summary>
public sealed record AuditWorld
{
    /// <summary>CloudTrail event history per account and region, served by LookupEvents and delivered to trail buckets.</summary>
    public IReadOnlyList<CloudTrailLog> CloudTrail { get; init; } = [];

    /// <summary>S3 buckets that trails deliver their log files to.</summary>
    public IReadOnlyList<TrailBucket> TrailBuckets { get; init; } = [];

    /// <summary>Activity Log events per subscription, served by Resource Manager (faults: the subscription's).</summary>
    public IReadOnlyList<ActivityLog> ActivityLogs { get; init; } = [];

    /// <summary>Cloud Audit Log entries per project, served by Cloud Logging's entries:list (faults: the project's).</summary>
    public IReadOnlyList<ProjectAuditLog> CloudLogging { get; init; } = [];
}
