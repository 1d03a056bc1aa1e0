namespace PostureScan.Core.Scanning;

/// <summary>Why a scope could not be collected; drives messages, metrics and retry decisions.</summary>
public enum ScopeErrorKind
{
    AccessDenied,
    Throttled,
    RegionDisabled,
    Unreachable,
    InvalidResponse,
    Cancelled,
    Other,
}
