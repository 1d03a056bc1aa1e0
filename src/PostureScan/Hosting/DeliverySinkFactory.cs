using PostureScan.Cli;
using PostureScan.Core.Delivery;
using PostureScan.Core.Findings;
using PostureScan.Delivery;
using PostureScan.Delivery.Slack;
using PostureScan.Delivery.Splunk;
using PostureScan.Delivery.SumoLogic;
using PostureScan.Delivery.Webhook;

namespace PostureScan.Hosting;

/// <summary>
/// Turns <c>Delivery:Sinks</c> into sinks: one entry per type in <see cref="Builders"/>. Secrets are resolved
/// here (directly or from the environment variable named by a <c>...FromEnv</c> field) and registered with the
/// redactor, so no error, log line or dead letter can carry them.
/// </summary>
internal static class DeliverySinkFactory
{
    public static readonly IReadOnlyList<string> Types = ["webhook", "sumologic", "splunk", "slack"];

    /// <summary>The configured sinks; empty when the configuration has none.</summary>
    public static ConfiguredSinks Create(DeliverySettings settings, HttpClient http, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var redactor = new SecretRedactor();
        var sinks = new List<IDeliverySink>();
        for (var i = 0; i < settings.Sinks.Count; i++)
        {
            var s = settings.Sinks[i];
            var where = $"{DeliverySettings.Section}:Sinks:{i}";
            if (string.IsNullOrWhiteSpace(s.Name) || s.Name.Length > 100)
            {
                throw new UsageException($"{where}: every sink needs a Name of at most 100 characters (its outbox rows are kept under it)");
            }

            if (sinks.Any(x => string.Equals(x.Name, s.Name, StringComparison.Ordinal)))
            {
                throw new UsageException($"{where}: sink name '{s.Name}' is used twice");
            }

            var context = new SinkContext(s, where, Subscription(s, where), http, environment, redactor);
            sinks.Add(CreateOne(context));
        }

        return new ConfiguredSinks(sinks, redactor);
    }

    /// <summary>One line per sink type: how to build it from its settings.</summary>
    private static readonly Dictionary<string, Func<SinkContext, IDeliverySink>> Builders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["webhook"] = Webhook,
        ["sumologic"] = VendorSinks.SumoLogic,
        ["splunk"] = VendorSinks.Splunk,
        ["slack"] = VendorSinks.Slack,
    };

    private static IDeliverySink CreateOne(SinkContext c) =>
        Builders.TryGetValue(c.Settings.Type, out var build)
            ? build(c)
            : Types.Contains(c.Settings.Type, StringComparer.OrdinalIgnoreCase)
                ? throw new UsageException($"{c.Where}: sink type '{c.Settings.Type}' is not available in this build")
                : throw new UsageException($"{c.Where}: Type must be one of {string.Join(", ", Types)}");

    private static WebhookSink Webhook(SinkContext c)
    {
        c.Refuse(nameof(DeliverySinkSettings.Token), c.Settings.Token ?? c.Settings.TokenFromEnv);
        c.Refuse(nameof(DeliverySinkSettings.Category), c.Settings.Category, c.Settings.SourceName, c.Settings.SourceHost);
        c.Refuse(nameof(DeliverySinkSettings.SourceType), c.Settings.SourceType, c.Settings.Index, c.Settings.Source);
        c.Refuse(nameof(DeliverySinkSettings.MaxBodyBytes), VendorSinks.IfSet(c.Settings.MaxBodyBytes), VendorSinks.IfSet(c.Settings.MaxFindings));
        var url = c.Url(required: true)!;
        var secret = c.Secret(nameof(DeliverySinkSettings.Secret), c.Settings.Secret, c.Settings.SecretFromEnv, required: false);
        return new WebhookSink(c.Settings.Name, c.Subscription, url, secret, c.BatchSize(WebhookSink.DefaultBatchSize, 500), c.Http);
    }

    private static SinkSubscription Subscription(DeliverySinkSettings s, string where)
    {
        if (ByName<Severity>(s.MinSeverity) is not { } minimum)
        {
            throw new UsageException($"{where}:MinSeverity must be one of info, low, medium, high, critical, by name (sink '{s.Name}' has '{s.MinSeverity}')");
        }

        var kinds = new HashSet<DeliveryEventKind>();
        foreach (var name in s.Events.Count == 0 ? Enum.GetNames<DeliveryEventKind>() : [.. s.Events])
        {
            if (ByName<DeliveryEventKind>(name) is not { } kind)
            {
                throw new UsageException($"{where}:Events: '{name}' is not one of newFinding, resolvedFinding, runSummary, scopeError");
            }

            kinds.Add(kind);
        }

        return new SinkSubscription(minimum, kinds);
    }

    /// <summary>
    /// The member with this name, case-insensitive; null otherwise. Enum.TryParse would also take a number
    /// ("3" for high) or a comma list, which a configuration must not mean by accident.
    /// </summary>
    private static T? ByName<T>(string? name)
        where T : struct, Enum =>
        Enum.GetNames<T>().FirstOrDefault(n => n.Equals(name?.Trim(), StringComparison.OrdinalIgnoreCase)) is { } match
            ? Enum.Parse<T>(match)
            : null;
}
