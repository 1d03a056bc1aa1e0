using System.Globalization;

namespace PostureScan.Bench.Scale;

/// <summary>What /usr/bin/time -f "wall_s=%e user_s=%U sys_s=%S max_rss_kb=%M" recorded for one process.</summary>
internal sealed record ProcessTime(TimeSpan Wall, TimeSpan Cpu, long PeakRssKb)
{
    public const string Format = "wall_s=%e user_s=%U sys_s=%S max_rss_kb=%M";

    public double PeakRssMb => PeakRssKb / 1024.0;

    public static ProcessTime Parse(string text)
    {
        // time writes "Command exited with non-zero status N" first when the command fails.
        var values = text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return new ProcessTime(
            TimeSpan.FromSeconds(values["wall_s"]),
            TimeSpan.FromSeconds(values["user_s"] + values["sys_s"]),
            (long)values["max_rss_kb"]);
    }
}
