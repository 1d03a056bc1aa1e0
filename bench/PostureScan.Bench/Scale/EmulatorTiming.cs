using System.Globalization;

namespace PostureScan.Bench.Scale;

/// <summary>
/// The emulator's timing log ("ARRIVED_MS\tANSWER_MS", one line per request) reduced to where a run's time
/// went: how long the emulator took to answer (the injected latency and its own work), and how long the run
/// kept the configured number of requests in flight before its tail, when fewer scopes remain than slots
/// and the last throttled calls wait out their backoff.
/// </summary>
internal sealed record EmulatorTiming(int Requests, double MedianAnswerMs, double MeanAnswerMs, TimeSpan Span, TimeSpan Full, TimeSpan Ramp, TimeSpan Tail)
{
    /// <summary>Requests in progress at the emulator, averaged over the span.</summary>
    public double MeanInFlight => Span > TimeSpan.Zero ? Requests * MeanAnswerMs / Span.TotalMilliseconds : 0;

    /// <summary>Width of the windows in which requests in progress are averaged.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(100);

    /// <summary>A window counts as full when its average requests in progress reach this share of the limit.</summary>
    public const double FullShare = 0.9;

    /// <summary>Null when the log holds no request (the benchmark ran without one).</summary>
    public static EmulatorTiming? Parse(IEnumerable<string> lines, int concurrency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        var requests = new List<(double Arrived, double Answer)>();
        foreach (var line in lines)
        {
            var parts = line.Split('\t');
            if (parts.Length == 2
                && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var arrived)
                && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var answer)
                && arrived >= 0 && answer >= 0)
            {
                requests.Add((arrived, answer));
            }
        }

        if (requests.Count == 0)
        {
            return null;
        }

        var first = requests.Min(r => r.Arrived);
        var last = requests.Max(r => r.Arrived + r.Answer);
        var window = Window.TotalMilliseconds;
        var busy = new double[(int)Math.Ceiling((last - first) / window) + 1];
        foreach (var (arrived, answer) in requests)
        {
            // Each request adds the part of each window it was in progress for.
            var start = arrived - first;
            var end = start + answer;
            for (var w = (int)(start / window); w * window < end && w < busy.Length; w++)
            {
                busy[w] += Math.Min(end, (w + 1) * window) - Math.Max(start, w * window);
            }
        }

        var full = busy.Select((ms, w) => (Full: ms / window >= FullShare * concurrency, Window: w)).Where(x => x.Full).ToList();
        var answers = requests.Select(r => r.Answer).Order().ToList();
        var span = TimeSpan.FromMilliseconds(last - first);
        var ramp = full.Count == 0 ? span : Window * full[0].Window;
        var fullEnd = full.Count == 0 ? span : Window * (full[^1].Window + 1);
        return new EmulatorTiming(
            requests.Count,
            answers[answers.Count / 2],
            answers.Average(),
            span,
            Window * full.Count,
            ramp,
            span > fullEnd ? span - fullEnd : TimeSpan.Zero);
    }
}
