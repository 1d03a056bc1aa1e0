namespace PostureScan.Core.Audit;

/// <summary>What an audited call did to its resource, derived from the operation name.</summary>
public enum AuditAction
{
    Create,
    Modify,
    Delete,
    Read,
    Other,
}
