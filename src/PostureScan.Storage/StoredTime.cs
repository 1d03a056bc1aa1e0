using System.Globalization;

namespace PostureScan.Storage;

/// <summary>
/// Times are stored as fixed-width ISO-8601 UTC text with seven fractional digits: it sorts as text,
/// keeps every tick of a <see cref="DateTimeOffset"/>, reads plainly in any SQL shell and means the
/// same in SQLite and PostgreSQL.
/// </summary>
internal static class StoredTime
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string value) => DateTimeOffset.ParseExact(
        value, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Durations as fractional milliseconds: readable, and exact to the tick for any realistic length.</summary>
    public static double Milliseconds(TimeSpan value) => value.Ticks / (double)TimeSpan.TicksPerMillisecond;

    public static TimeSpan Duration(double milliseconds) =>
        TimeSpan.FromTicks((long)Math.Round(milliseconds * TimeSpan.TicksPerMillisecond));
}
