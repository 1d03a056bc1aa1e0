namespace PostureScan.Delivery;

/// <summary>
/// Knows every secret the sinks were given (tokens, webhook URLs, HMAC keys) and blanks them out of any text
/// that leaves the process: dead-letter reasons, log lines, error messages.
/// </summary>
public sealed class SecretRedactor
{
    public const string Mask = "[redacted]";

    /// <summary>A path segment this long is taken for a token wherever it sits in a secret URL.</summary>
    private const int LongSegment = 16;

    private readonly List<string> secrets = [];

    public void Add(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        lock (secrets)
        {
            // Also the escaped forms an exception or URL may show, and the path of a URL (a Slack or Sumo
            // Logic URL's credential is its path, which an error message may quote without the host).
            foreach (var form in Forms(secret))
            {
                if (form.Length >= 4 && !secrets.Contains(form, StringComparer.Ordinal))
                {
                    secrets.Add(form);
                }
            }

            secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
        }
    }

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        lock (secrets)
        {
            foreach (var secret in secrets)
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static IEnumerable<string> Forms(string secret)
    {
        yield return secret;
        yield return Uri.EscapeDataString(secret);
        if (Uri.TryCreate(secret, UriKind.Absolute, out var uri))
        {
            yield return uri.AbsoluteUri;
            if (uri.PathAndQuery.Length > 1)
            {
                yield return uri.PathAndQuery;
            }

            foreach (var segment in SecretSegments(uri))
            {
                yield return segment;
                yield return Uri.UnescapeDataString(segment);
            }
        }
    }

    /// <summary>
    /// The path segments of a secret URL that carry the credential, which an error text may quote on their
    /// own: the last one (a Sumo Logic collector token), those after <c>/services/</c> (Slack's team, hook
    /// and token), and any long enough to be a token.
    /// </summary>
    private static IEnumerable<string> SecretSegments(Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var afterServices = false;
        for (var i = 0; i < segments.Length; i++)
        {
            if (afterServices || i == segments.Length - 1 || segments[i].Length >= LongSegment)
            {
                yield return segments[i];
            }

            afterServices |= segments[i].Equals("services", StringComparison.OrdinalIgnoreCase);
        }
    }
}
