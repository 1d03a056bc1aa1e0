namespace PostureScan.Cisco.Parsing;

/// <summary>What a monitor session does, as the device describes it.</summary>
internal enum SessionKind
{
    Unknown,
    Local,
    RspanSource,
    RspanDestination,
    ErspanSource,
    ErspanDestination,
}
