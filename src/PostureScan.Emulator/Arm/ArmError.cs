namespace PostureScan.Emulator.Arm;

/// <summary>An ARM CloudError as it goes on the wire: HTTP status, code and message.</summary>
internal sealed record ArmError(int Status, string Code, string Message);
