namespace PostureScan.Emulator.Aws;

/// <summary>Errors every query-protocol service has; each service names them its own way.</summary>
internal enum AwsErrorKind
{
    MissingAuthentication,
    UnknownAccessKey,
    RegionNotEnabled,
    Throttled,
    AccessDenied,
    InternalError,
    Unavailable,
    WriteRejected,
    UnknownAction,
    InvalidParameter,
}
