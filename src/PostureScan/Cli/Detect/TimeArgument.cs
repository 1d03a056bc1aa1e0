using System.Globalization;

namespace PostureScan.Cli.Detect;

/// <summary>
/// Parses --since and --until: an ISO 8601 date or time (UTC unless it carries an offset), or a
/// duration back from now such as 90m, 24h, 7d or 2w.
/// </summary>
internal static class TimeArgument
{
    private static readonly Dictionary<char, TimeSpan> Units = new()
    {
        ['s'] = TimeSpan.FromSeconds(1),
        ['m'] = TimeSpan.FromMinutes(1),
        ['h'] = TimeSpan.FromHours(1),
        ['d'] = TimeSpan.FromDays(1),
        ['w'] = TimeSpan.FromDays(7),
    };

    public static bool TryParse(string? text, TimeProvider time, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        text = text.Trim();
        if (text.Length >= 2 && Units.TryGetValue(char.ToLowerInvariant(text[^1]), out var unit)
            && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            value = time.GetUtcNow() - (unit * count);
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = parsed.ToUniversalTime();
            return true;
        }

        return false;
    }
}
