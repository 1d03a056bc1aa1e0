using System.Text.RegularExpressions;

namespace PostureScan.Delivery.Http;

/// <summary>
/// What of a receiver's own words may go into a reason: a bare error code such as Slack's
/// <c>invalid_payload</c>. Free text is dropped, since a receiver may echo the request and its credential.
/// </summary>
internal static partial class ReceiverText
{
    public static string? ErrorCode(string body)
    {
        var trimmed = body.Trim();
        return ErrorCodePattern().IsMatch(trimmed) ? trimmed : null;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex ErrorCodePattern();
}
