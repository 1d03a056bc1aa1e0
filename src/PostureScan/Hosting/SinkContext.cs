using PostureScan.Cli;
using PostureScan.Core.Delivery;
using PostureScan.Delivery;

namespace PostureScan.Hosting;

/// <summary>What a sink type's case in <see cref="DeliverySinkFactory"/> needs: its settings, where they are, and secret resolution.</summary>
internal sealed class SinkContext(
    DeliverySinkSettings settings,
    string where,
    SinkSubscription subscription,
    HttpClient http,
    Func<string, string?> environment,
    SecretRedactor redactor)
{
    public DeliverySinkSettings Settings { get; } = settings;

    public string Where { get; } = where;

    public SinkSubscription Subscription { get; } = subscription;

    public HttpClient Http { get; } = http;

    /// <summary>The sink's absolute http(s) URL, from Url or UrlFromEnv; registered as a secret (Slack and Sumo Logic URLs are credentials).</summary>
    public Uri? Url(bool required)
    {
        var text = Secret(nameof(DeliverySinkSettings.Url), Settings.Url, Settings.UrlFromEnv, required);
        if (text is null)
        {
            return null;
        }

        // The message must not echo the URL: it may be the credential itself.
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw (Settings.UrlFromEnv is { } variable
                ? new SettingException($"{Where}:UrlFromEnv", $"names environment variable '{variable}', which does not hold an absolute http or https URL")
                : new SettingException($"{Where}:Url", "is not an absolute http or https URL"));
    }

    /// <summary>A secret given directly or through an environment variable (never both), registered with the redactor.</summary>
    public string? Secret(string field, string? direct, string? fromEnv, bool required)
    {
        if (direct is not null && fromEnv is not null)
        {
            throw new SettingException($"{Where}:{field}", $"is set beside {field}FromEnv: give {field} or {field}FromEnv, not both");
        }

        var value = direct;
        if (fromEnv is not null)
        {
            value = environment(fromEnv);
            if (string.IsNullOrEmpty(value))
            {
                throw new SettingException($"{Where}:{field}FromEnv", $"names environment variable '{fromEnv}', which is not set");
            }
        }

        if (string.IsNullOrEmpty(value))
        {
            return required ? throw new SettingException(Where, $"has no {field}: {field} or {field}FromEnv is required for type {Settings.Type}") : null;
        }

        redactor.Add(value);
        return value;
    }

    /// <summary>The configured batch size, or the type's default; at most <paramref name="maximum"/>.</summary>
    public int BatchSize(int typeDefault, int maximum) => Settings.MaxBatchSize switch
    {
        0 => typeDefault,
        var n when n >= 1 && n <= maximum => n,
        var n => throw new SettingException($"{Where}:MaxBatchSize", $"must be between 1 and {maximum} (not {n})"),
    };
}
