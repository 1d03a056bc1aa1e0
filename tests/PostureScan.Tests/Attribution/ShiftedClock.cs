namespace PostureScan.Tests.Attribution;

/// <summary>
/// The system clock moved by a fixed offset: a later scan "hours from now" whose timers still run on real
/// time (the SDKs' retries and the sources' pacing wait for real).
/// </summary>
internal sealed class ShiftedClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
