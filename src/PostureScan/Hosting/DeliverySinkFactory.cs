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
            if (string.IsNullOrWhiteSpace(s.Name))
            {
                throw new SettingException(where, "has no Name: every sink needs one, of at most 100 characters (its outbox rows are kept under it)");
            }

            if (s.Name.Length > 100)
            {
                throw new SettingException($"{where}:Name", $"is {s.Name.Length} characters long, more than 100");
            }

            if (sinks.Any(x => string.Equals(x.Name, s.Name, StringComparison.Ordinal)))
            {
                throw new SettingException($"{where}:Name", $"'{s.Name}' is the name of an earlier sink too: each sink needs its own");
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

    private static IDeliverySink CreateOne(SinkContext c)
    {
        if (!Builders.TryGetValue(c.Settings.Type, out var build))
        {
            throw string.IsNullOrWhiteSpace(c.Settings.Type) ? new SettingException(c.Where, $"has no Type: one of {string.Join(", ", Types)}")
                : Types.Contains(c.Settings.Type, StringComparer.OrdinalIgnoreCase) ? new SettingException($"{c.Where}:Type", $"'{c.Settings.Type}' is not available in this build")
                : new SettingException($"{c.Where}:Type", $"'{c.Settings.Type}' is not one of {string.Join(", ", Types)}");
        }

        RefuseMisplacedFields(c.Settings, c.Where);
        return build(c);
    }

    /// <summary>A field of another sink type is an error, not silently ignored; every such field is named by its key.</summary>
    private static void RefuseMisplacedFields(DeliverySinkSettings s, string where)
    {
        var misplaced = SinkFields.Misplaced(s);
        if (misplaced.Count > 0)
        {
            throw new SettingsException([.. misplaced.Select(f =>
                new SettingException($"{where}:{f.Name}", $"does not apply to type {s.Type}, only to {Listed(f.Types)}"))]);
        }
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    private static string Listed(IReadOnlyList<string> items) =>
        items.Count < 2 ? string.Join("", items) : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";

    private static WebhookSink Webhook(SinkContext c)
    {
        var url = c.Url(required: true)!;
        var secret = c.Secret(nameof(DeliverySinkSettings.Secret), c.Settings.Secret, c.Settings.SecretFromEnv, required: false);
        return new WebhookSink(c.Settings.Name, c.Subscription, url, secret, c.BatchSize(WebhookSink.DefaultBatchSize, 500), c.Http, TimeProvider.System);
    }

    private static SinkSubscription Subscription(DeliverySinkSettings s, string where)
    {
        if (ByName<Severity>(s.MinSeverity) is not { } minimum)
        {
            throw new SettingException($"{where}:MinSeverity", $"must be one of info, low, medium, high, critical, by name (sink '{s.Name}' has '{s.MinSeverity}')");
        }

        var kinds = new HashSet<DeliveryEventKind>();
        var names = s.Events.Count == 0 ? Enum.GetNames<DeliveryEventKind>() : [.. s.Events];
        for (var i = 0; i < names.Length; i++)
        {
            if (ByName<DeliveryEventKind>(names[i]) is not { } kind)
            {
                throw new SettingException($"{where}:Events:{i}", $"'{names[i]}' is not one of newFinding, resolvedFinding, runSummary, scopeError");
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
