namespace PostureScan.Delivery.Http;

/// <summary>
/// The secrets one sink holds (a token, a URL whose path is the credential), in every form an error
/// text could quote them: whole, as the URL's path and query, as its last path segment.
/// </summary>
internal sealed class SinkSecrets
{
    private const string Mask = "[redacted]";

    private readonly string[] _forms;

    private SinkSecrets(IEnumerable<string> forms) =>
        _forms = [.. forms.Where(f => f.Length >= 4).Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length)];

    public static SinkSecrets OfUrl(Uri url) => new(
    [
        url.OriginalString,
        url.AbsoluteUri,
        url.PathAndQuery,
        Uri.UnescapeDataString(url.PathAndQuery),
        url.Segments.Length > 0 ? url.Segments[^1].TrimEnd('/') : "",
    ]);

    public static SinkSecrets OfToken(string token) => new([token, Uri.EscapeDataString(token)]);

    public string Redact(string text)
    {
        foreach (var form in _forms)
        {
            text = text.Replace(form, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
