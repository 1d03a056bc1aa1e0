using System.Globalization;
using System.Text.RegularExpressions;

namespace PostureScan.Emulator.Worlds;

/// <summary>
/// Times written relative to the moment a file is read: <c>{{-MINUTES}}</c> becomes the time that many minutes
/// earlier, so audit events in a world file (or a sample log) stay inside a scanner's lookback window however
/// long ago the file was written. <c>{{-MINUTES:syslog}}</c> and <c>{{-MINUTES:tacacs}}</c> give the same time in
/// those logs' own spellings.
/// </summary>
public static partial class RelativeTimes
{
    /// <summary>How each spelling writes a time: ISO 8601 (world files, cloud logs), IOS syslog, tac_plus (no year).</summary>
    private static readonly Dictionary<string, string> Formats = new(StringComparer.Ordinal)
    {
        [""] = "yyyy-MM-dd'T'HH:mm:ss'Z'",
        ["syslog"] = "MMM d yyyy HH:mm:ss.fff",
        ["tacacs"] = "MMM dd HH:mm:ss",
    };

    /// <summary><paramref name="text"/> with every placeholder written as a UTC time before <paramref name="now"/>.</summary>
    public static string Render(string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        return MinutesAgo().Replace(text, m =>
            (now - TimeSpan.FromMinutes(long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)))
            .UtcDateTime.ToString(Formats[m.Groups[2].Value], CultureInfo.InvariantCulture));
    }

    // Seven digits at most: about nineteen years back, well inside what DateTimeOffset can subtract.
    [GeneratedRegex(@"\{\{-(\d{1,7})(?::(syslog|tacacs))?\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex MinutesAgo();
}
