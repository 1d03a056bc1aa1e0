namespace PostureScan.Emulator.Worlds;

public sealed partial record World
{
    /// <summary>The audit logs: CloudTrail (LookupEvents and trail buckets in S3), Activity Log, Cloud Logging.</summary>
    public AuditWorld Audit { get; init; } = new();
}
