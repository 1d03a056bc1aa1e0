namespace PostureScan.Emulator.Arm;

/// <summary>What an ARM operation produced: a JSON body, or a CloudError with an optional Retry-After.</summary>
internal sealed record ArmResult(string? Body, ArmError? Error, int? RetryAfterSeconds = null)
{
    public static ArmResult Ok(string body) => new(body, null);

    public static implicit operator ArmResult(ArmError error) => new(null, error);
}
