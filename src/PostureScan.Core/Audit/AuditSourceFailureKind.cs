namespace PostureScan.Core.Audit;

/// <summary>Why an audit source (or one of its scopes) could not be read.</summary>
public enum AuditSourceFailureKind
{
    AccessDenied,
    Throttled,
    Unreachable,
    InvalidResponse,
    NotFound,
    Configuration,
    Other,
}
