using System.Globalization;
using PostureScan.Core.Findings;

namespace PostureScan.Reporting;

/// <summary>How times, severities and statuses are spelled in every output.</summary>
internal static class Formats
{
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? time) => time is { } t ? Time(t) : "-";

    /// <summary>ISO 8601 in UTC, for machines.</summary>
    public static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 in UTC to the millisecond: the timestamp form Security Hub documents for ASFF.</summary>
    public static string IsoMillis(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Severity(Severity severity) => ReportView.Name(severity);

    public static string Status(FindingStatus status) => ReportView.Name(status);

    /// <summary>Severities most severe first, as every summary lists them.</summary>
    public static IReadOnlyList<Severity> SeveritiesDescending { get; } = [.. Enum.GetValues<Severity>().Reverse()];

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
