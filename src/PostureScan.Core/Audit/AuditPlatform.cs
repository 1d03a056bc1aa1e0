namespace PostureScan.Core.Audit;

/// <summary>The audit-log family a record came from, recognised from the record's shape.</summary>
public enum AuditPlatform
{
    Aws,
    Azure,
    Gcp,
    Cisco,
}
