using PostureScan.Cli;
using PostureScan.Core.Delivery;
using PostureScan.Delivery.Slack;
using PostureScan.Delivery.Splunk;
using PostureScan.Delivery.SumoLogic;

namespace PostureScan.Hosting;

/// <summary>
/// The Sumo Logic, Splunk HEC and Slack cases of <see cref="DeliverySinkFactory"/> (which has already refused
/// the other types' fields, see <see cref="SinkFields"/>): each takes its secret through <see cref="SinkContext"/>
/// (so the redactor knows it) and leaves unset fields at the sink's defaults (docs/delivery-sinks.md).
/// </summary>
internal static class VendorSinks
{
    public static IDeliverySink SumoLogic(SinkContext c)
    {
        var defaults = new SumoLogicSinkOptions { Name = c.Settings.Name, Url = c.Url(required: true)!, Subscription = c.Subscription };
        var options = defaults with
        {
            Category = c.Settings.Category ?? defaults.Category,
            SourceName = c.Settings.SourceName ?? defaults.SourceName,
            SourceHost = c.Settings.SourceHost ?? defaults.SourceHost,
            MaxBatchSize = c.BatchSize(defaults.MaxBatchSize, 10_000),
            MaxBodyBytes = c.Settings.MaxBodyBytes == 0 ? defaults.MaxBodyBytes : c.Settings.MaxBodyBytes,
        };
        return Build(c, () => new SumoLogicSink(options, c.Http, TimeProvider.System));
    }

    public static IDeliverySink Splunk(SinkContext c)
    {
        var token = c.Secret(nameof(DeliverySinkSettings.Token), c.Settings.Token, c.Settings.TokenFromEnv, required: true)!;
        var defaults = new SplunkHecSinkOptions { Name = c.Settings.Name, BaseUrl = c.Url(required: true)!, Token = token, Subscription = c.Subscription };
        var options = defaults with
        {
            Index = c.Settings.Index,
            Source = c.Settings.Source ?? defaults.Source,
            SourceType = c.Settings.SourceType ?? defaults.SourceType,
            Host = c.Settings.SourceHost ?? defaults.Host,
            MaxBatchSize = c.BatchSize(defaults.MaxBatchSize, 10_000),
            MaxBodyBytes = c.Settings.MaxBodyBytes == 0 ? defaults.MaxBodyBytes : c.Settings.MaxBodyBytes,
        };
        return Build(c, () => new SplunkHecSink(options, c.Http, TimeProvider.System));
    }

    public static IDeliverySink Slack(SinkContext c)
    {
        // Slack takes one message per run: no Events means run summaries, and any other kind is a mistake.
        if (c.Settings.Events.Count > 0 && c.Subscription.Kinds.Any(k => k != DeliveryEventKind.RunSummary))
        {
            var other = c.Settings.Events.FindIndex(e => !string.Equals(e.Trim(), nameof(DeliveryEventKind.RunSummary), StringComparison.OrdinalIgnoreCase));
            throw new SettingException($"{c.Where}:Events:{other}", $"'{c.Settings.Events[other]}': a slack sink takes runSummary only");
        }

        var subscription = new SinkSubscription(c.Subscription.MinimumSeverity, new HashSet<DeliveryEventKind> { DeliveryEventKind.RunSummary });
        var defaults = new SlackSinkOptions { Name = c.Settings.Name, WebhookUrl = c.Url(required: true)!, Subscription = subscription };
        var options = defaults with { MaxFindings = c.Settings.MaxFindings ?? defaults.MaxFindings };
        return Build(c, () => new SlackSink(options, c.Http, TimeProvider.System));
    }

    /// <summary>
    /// A sink's own checks throw ArgumentException (never quoting a secret) naming its option: here that is a
    /// configuration error of the setting that gave the option, so that it can be placed in the file.
    /// </summary>
    private static IDeliverySink Build(SinkContext c, Func<IDeliverySink> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException ex)
        {
            // The parameter's name and the value that ArgumentOutOfRangeException adds mean nothing in a settings file.
            var cut = ex.Message.IndexOf(" (Parameter '", StringComparison.Ordinal);
            var message = cut < 0 ? ex.Message : ex.Message[..cut];
            throw new SettingException(SettingKey(c, ex.ParamName), $"is refused: {message}");
        }
    }

    /// <summary>The setting behind a sink option: a secret's key is the one that gave it, directly or by variable.</summary>
    private static string SettingKey(SinkContext c, string? option) => option switch
    {
        nameof(SlackSinkOptions.WebhookUrl) or nameof(SplunkHecSinkOptions.BaseUrl) or nameof(DeliverySinkSettings.Url) =>
            $"{c.Where}:{(c.Settings.UrlFromEnv is null ? nameof(DeliverySinkSettings.Url) : nameof(DeliverySinkSettings.UrlFromEnv))}",
        nameof(DeliverySinkSettings.Token) =>
            $"{c.Where}:{(c.Settings.TokenFromEnv is null ? nameof(DeliverySinkSettings.Token) : nameof(DeliverySinkSettings.TokenFromEnv))}",
        nameof(SplunkHecSinkOptions.Host) => $"{c.Where}:{nameof(DeliverySinkSettings.SourceHost)}",
        { } name when typeof(DeliverySinkSettings).GetProperty(name) is not null => $"{c.Where}:{name}",
        _ => c.Where,
    };
}
