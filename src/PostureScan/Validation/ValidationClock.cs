namespace PostureScan.Validation;

/// <summary>
/// The clock of one validation, shared by the emulator, the simulated adversary and the scanner: the system
/// clock plus an offset that <see cref="Advance"/> moves, so waiting out an audit log's ingestion delay takes no time.
/// Timers stay the system's.
/// </summary>
internal sealed class ValidationClock(TimeProvider system) : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => system.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
