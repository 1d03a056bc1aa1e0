namespace PostureScan.Delivery.Http;

/// <summary>Checks of sink options whose messages never quote the secret they check; each names the option as the parameter.</summary>
internal static class SinkOptionChecks
{
    public static void HttpUrl(Uri? url, string sinkKind, string sinkName, string field)
    {
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"{sinkKind} sink '{sinkName}': {field} must be an absolute http or https URL (value not shown: it is a secret).", field);
        }
    }

    /// <summary>A header value must be visible ASCII and spaces: a line break would let it add headers.</summary>
    public static void HeaderValue(string? value, string sinkKind, string sinkName, string field, bool secret = false)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Any(c => c is < ' ' or > '~'))
        {
            var shown = secret ? "value not shown: it is a secret" : $"got {value?.Length ?? 0} characters";
            throw new ArgumentException($"{sinkKind} sink '{sinkName}': {field} must be non-empty printable ASCII ({shown}).", field);
        }
    }

    public static void Range(int value, int min, int max, string sinkKind, string sinkName, string field)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(field, value, $"{sinkKind} sink '{sinkName}': {field} must be between {min} and {max}.");
        }
    }
}
