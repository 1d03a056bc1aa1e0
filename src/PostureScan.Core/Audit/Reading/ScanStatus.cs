namespace PostureScan.Core.Audit.Reading;

internal enum ScanStatus
{
    Complete,
    NeedMore,
    Invalid,
}
