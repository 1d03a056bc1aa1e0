using System.Globalization;
using PostureScan.Cisco.Parsing;

namespace PostureScan.Cisco.Accounting;

/// <summary>Shared pieces of the accounting readers: bounded fields, timestamps, session numbers.</summary>
internal static class CommandText
{
    public const int MaxLine = 4096;

    public static string? Field(string? value, int max = 128) =>
        string.IsNullOrWhiteSpace(value) ? null : Printable.Bound(value, max);

    public static string? Address(string? value) =>
        value is not null && FieldValues.TryAddress(value, out var address) ? address : null;

    /// <summary>"Oct 14 2024 12:40:03.118" or "Oct 14 12:40:03" (then <paramref name="yearIfMissing"/>), as UTC.</summary>
    public static DateTimeOffset? Time(string month, string day, string? year, string clock, int yearIfMissing)
    {
        var text = $"{month} {day.PadLeft(2, '0')} {year ?? yearIfMissing.ToString(CultureInfo.InvariantCulture)} {clock}";
        string[] formats = ["MMM dd yyyy HH:mm:ss", "MMM dd yyyy HH:mm:ss.f", "MMM dd yyyy HH:mm:ss.ff", "MMM dd yyyy HH:mm:ss.fff", "MMM dd yyyy HH:mm:ss.ffffff"];
        return DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
    }

    /// <summary>The session number of <c>[no] monitor session N ...</c>, keywords abbreviated or not.</summary>
    public static int? SessionNumber(string? command) => MonitorSyntax.SessionNumber(command);
}
