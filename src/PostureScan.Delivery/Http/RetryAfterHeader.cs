using System.Globalization;
using System.Net.Http.Headers;

namespace PostureScan.Delivery.Http;

/// <summary>Retry-After as a delay: delta-seconds, or an HTTP-date measured against the given clock (a past date is zero).</summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Parse(HttpResponseHeaders headers, TimeProvider time)
    {
        if (headers.RetryAfter is { } typed)
        {
            return FromParts(typed.Delta, typed.Date, time);
        }

        // A value the typed parser refused: accept the two documented forms once more, anything else is ignored.
        if (!headers.NonValidated.TryGetValues("Retry-After", out var values))
        {
            return null;
        }

        var raw = values.FirstOrDefault()?.Trim();
        if (long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, int.MaxValue));
        }

        return DateTimeOffset.TryParseExact(raw, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? FromParts(null, date, time)
            : null;
    }

    private static TimeSpan? FromParts(TimeSpan? delta, DateTimeOffset? date, TimeProvider time) =>
        delta ?? (date is { } d ? Max(d - time.GetUtcNow(), TimeSpan.Zero) : null);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
