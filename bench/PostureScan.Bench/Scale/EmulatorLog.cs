namespace PostureScan.Bench.Scale;

/// <summary>
/// The emulator's request log ("SERVICE ACTION KEY REGION -> STATUS [CODE]", one line per request)
/// reduced to what the benchmark reports: calls per service and action, and the throttled ones.
/// </summary>
internal sealed record EmulatorLog(IReadOnlyDictionary<string, long> ByAction, long Sts, long Throttled, long OtherErrors)
{
    public long Total => ByAction.Values.Sum();

    /// <summary>Calls that carried the injected latency (STS is not regional and gets none).</summary>
    public long Delayed => Total - Sts;

    public static EmulatorLog Parse(IEnumerable<string> lines)
    {
        var byAction = new Dictionary<string, long>(StringComparer.Ordinal);
        long sts = 0, throttled = 0, errors = 0;
        foreach (var line in lines)
        {
            var parts = line.Split(' ');
            var arrow = Array.IndexOf(parts, "->");
            if (arrow != 4 || parts.Length < 6)
            {
                continue;
            }

            byAction[parts[1]] = byAction.GetValueOrDefault(parts[1]) + 1;
            sts += parts[0] == "sts" ? 1 : 0;
            if (parts.Length > 6 && parts[6] is "RequestLimitExceeded" or "Throttling")
            {
                throttled++;
            }
            else if (!parts[5].StartsWith('2'))
            {
                errors++;
            }
        }

        return new EmulatorLog(byAction, sts, throttled, errors);
    }
}
