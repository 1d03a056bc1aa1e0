namespace PostureScan.Emulator.Arm;

/// <summary>Who holds a bearer token: the application, its service principal and its tenant.</summary>
internal sealed record ArmCaller(string TenantId, string ClientId, string ObjectId);
