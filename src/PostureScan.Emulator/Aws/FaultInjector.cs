using System.Collections.Concurrent;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Aws;

/// <summary>
/// Applies a scope's <see cref="Faults"/> to a call. Throttling depends only on the seed, the
/// scope and how many calls the scope has had, so a test sees the same sequence every run.
/// </summary>
internal sealed class FaultInjector(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, long> _callsPerScope = new(StringComparer.Ordinal);

    public async Task<FaultOutcome> ApplyAsync(Faults? faults, string scopeKey, CancellationToken ct)
    {
        if (faults is null)
        {
            return FaultOutcome.None;
        }

        if (faults.LatencyMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(faults.LatencyMs), time, ct);
        }

        if (faults.Unavailable is { } error)
        {
            return error == "Unavailable" ? FaultOutcome.Unavailable : FaultOutcome.InternalError;
        }

        var n = _callsPerScope.AddOrUpdate(scopeKey, 1, (_, count) => count + 1);
        if (n <= faults.ThrottleBurst
            || (faults.ThrottleRate > 0 && DeterministicRandom.Unit(faults.Seed, scopeKey, n) < faults.ThrottleRate))
        {
            return FaultOutcome.Throttled;
        }

        return faults.AccessDenied ? FaultOutcome.AccessDenied : FaultOutcome.None;
    }
}
