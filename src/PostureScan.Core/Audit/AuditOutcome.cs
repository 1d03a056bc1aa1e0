namespace PostureScan.Core.Audit;

/// <summary>Whether an audited call succeeded. Failed attempts are kept: an attempt is evidence too.</summary>
public enum AuditOutcome
{
    Success,
    Failure,
}
