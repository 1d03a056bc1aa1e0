namespace PostureScan.Emulator.Arm;

/// <summary>Handles one ARM operation (named as in the REST specification, e.g. VirtualNetworkTaps_ListAll).</summary>
internal delegate ArmResult ArmOperation(ArmRequest request);
