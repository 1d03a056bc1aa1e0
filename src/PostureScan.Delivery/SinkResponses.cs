using System.Globalization;
using PostureScan.Core.Delivery;

namespace PostureScan.Delivery;

/// <summary>An HTTP answer as a <see cref="SinkResponse"/>: the status, Retry-After (seconds or a date), a secret-free reason.</summary>
public static class SinkResponses
{
    public static SinkResponse From(HttpResponseMessage response, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        TimeSpan? retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => Max(date - (time ?? TimeProvider.System).GetUtcNow()),
            _ => null,
        };

        // Only the status line: a receiver's body may echo the request, and the request may hold a credential.
        var reason = response.IsSuccessStatusCode ? null : string.Create(CultureInfo.InvariantCulture, $"HTTP {status} {response.ReasonPhrase}").Trim();
        return new SinkResponse(status, retryAfter, reason);
    }

    private static TimeSpan Max(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;
}
