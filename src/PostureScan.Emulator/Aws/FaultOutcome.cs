namespace PostureScan.Emulator.Aws;

/// <summary>What fault injection decided for one call.</summary>
internal enum FaultOutcome
{
    None,
    Throttled,
    AccessDenied,
    InternalError,
    Unavailable,
}
