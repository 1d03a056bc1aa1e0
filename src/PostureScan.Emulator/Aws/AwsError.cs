namespace PostureScan.Emulator.Aws;

/// <summary>An error as the service puts it on the wire: code, message and HTTP status.</summary>
internal sealed record AwsError(int Status, string Code, string Message);
