namespace PostureScan.Cisco.Parsing;

/// <summary>What a device file holds, recognised from its content.</summary>
internal enum DeviceFormat
{
    Unknown,
    RunningConfig,
    ShowMonitor,
}
