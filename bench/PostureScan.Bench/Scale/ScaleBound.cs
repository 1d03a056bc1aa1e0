namespace PostureScan.Bench.Scale;

/// <summary>
/// The floor a scan cannot beat: every call that carries the injected latency, spread perfectly over
/// the configured number of concurrent workers. Backoff, CPU and start-up are what a scan adds to it.
/// </summary>
internal static class ScaleBound
{
    public static TimeSpan Of(long calls, TimeSpan latency, int concurrency)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(calls);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrency);
        return TimeSpan.FromTicks(checked(latency.Ticks * calls) / concurrency);
    }

    /// <summary>How many times the bound a measured wall time is; 1.0 is a perfect scan.</summary>
    public static double Ratio(TimeSpan wall, TimeSpan bound) =>
        bound > TimeSpan.Zero ? wall / bound : double.PositiveInfinity;
}
