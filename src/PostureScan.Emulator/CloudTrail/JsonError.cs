namespace PostureScan.Emulator.CloudTrail;

/// <summary>An error of the AWS JSON protocol: <c>{"__type":CODE,"message":TEXT}</c> with its HTTP status.</summary>
internal sealed record JsonError(int Status, string Code, string Message)
{
    public static JsonError Client(string code, string message) => new(400, code, message);
}
