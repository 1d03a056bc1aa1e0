using System.Globalization;
using System.Text.RegularExpressions;

namespace PostureScan.Aws.Audit;

/// <summary>
/// Where a trail files its logs: <c>[prefix/]AWSLogs/[o-ORGID/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/</c>, one
/// folder per UTC day of delivery, each file named <c>ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_ID.json.gz</c>
/// after when it was written.
/// </summary>
internal static partial class TrailLayout
{
    public static string Root(string? prefix, string? organizationId, string account, string region)
    {
        var trimmed = prefix?.Trim('/');
        return (string.IsNullOrEmpty(trimmed) ? "" : trimmed + "/") + "AWSLogs/"
            + (string.IsNullOrEmpty(organizationId) ? "" : organizationId + "/") + $"{account}/CloudTrail/{region}/";
    }

    /// <summary>
    /// The day folders that can hold events from <paramref name="start"/> to <paramref name="until"/>: a file is
    /// filed by when it was written, up to <paramref name="lag"/> after its events, so the last day may be the next one.
    /// </summary>
    public static IEnumerable<string> DayPrefixes(string root, DateTimeOffset start, DateTimeOffset until, TimeSpan lag)
    {
        var last = (until + lag).UtcDateTime.Date;
        for (var day = start.UtcDateTime.Date; day <= last; day = day.AddDays(1))
        {
            yield return root + day.ToString("yyyy'/'MM'/'dd'/'", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>When the file was written, from its name; null for a name that does not say.</summary>
    public static DateTimeOffset? WrittenAt(string key) =>
        WrittenStamp().Match(key) is { Success: true } match
            && DateTimeOffset.TryParseExact(match.Groups[1].Value, "yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var written)
                ? written
                : null;

    [GeneratedRegex("_([0-9]{8}T[0-9]{4}Z)_[^/]*$")]
    private static partial Regex WrittenStamp();
}
