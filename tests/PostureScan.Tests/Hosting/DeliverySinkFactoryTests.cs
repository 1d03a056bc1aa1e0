using PostureScan.Cli;
using PostureScan.Core.Delivery;
using PostureScan.Core.Findings;
using PostureScan.Delivery.Webhook;
using PostureScan.Hosting;

namespace PostureScan.Tests.Hosting;

/// <summary>Delivery:Sinks from configuration: strict keys, secrets from the environment, errors that never quote a secret.</summary>
public sealed class DeliverySinkFactoryTests
{
    private const string HookUrl = "https://hooks.example.test/services/T0KEN-abc123";

    private static readonly Dictionary<string, string> Environment = new() { ["HOOK_URL"] = HookUrl, ["HOOK_KEY"] = "k3y-value" };

    [Fact]
    public void A_webhook_takes_its_url_and_key_from_the_environment_and_its_subscription_from_the_file()
    {
        using var delivery = Create(new()
        {
            ["Delivery:Sinks:0:Name"] = "soar",
            ["Delivery:Sinks:0:Type"] = "Webhook",
            ["Delivery:Sinks:0:UrlFromEnv"] = "HOOK_URL",
            ["Delivery:Sinks:0:SecretFromEnv"] = "HOOK_KEY",
            ["Delivery:Sinks:0:MinSeverity"] = "high",
            ["Delivery:Sinks:0:Events:0"] = "newFinding",
            ["Delivery:Sinks:0:Events:1"] = "ScopeError",
            ["Delivery:MaxAttempts"] = "4",
        })!;

        var sink = Assert.IsType<WebhookSink>(Assert.Single(delivery.Sinks.Sinks));
        Assert.Equal(("soar", WebhookSink.DefaultBatchSize, Severity.High), (sink.Name, sink.MaxBatchSize, sink.Subscription.MinimumSeverity));
        Assert.Equal([DeliveryEventKind.NewFinding, DeliveryEventKind.ScopeError], sink.Subscription.Kinds.Order());
        Assert.Equal(4, delivery.Policy.MaxAttempts);
        Assert.Equal("posting to [redacted] failed; key [redacted]", delivery.Sinks.Redactor.Redact($"posting to {HookUrl} failed; key k3y-value"));
        Assert.Equal(new OutboxRoute([("soar", sink.Subscription)], "r.html").Sinks, delivery.Route("r.html").Sinks);
    }

    [Fact]
    public void No_sinks_means_no_delivery()
    {
        Assert.Null(Create(new() { ["Delivery:MaxAttempts"] = "3" }));
        Assert.Null(Create(new()));
    }

    [Theory]
    [InlineData("Delivery:Sinks:0:Colour", "blue", "Colour")]
    [InlineData("Delivery:Sinks:0:Index", "main", "does not apply to type webhook")]
    [InlineData("Delivery:Sinks:0:Url", HookUrl, "give Url or UrlFromEnv, not both")]
    [InlineData("Delivery:Sinks:0:MinSeverity", "urgent", "MinSeverity must be one of info, low, medium, high, critical")]
    [InlineData("Delivery:Sinks:0:MinSeverity", "3", "Delivery:Sinks:0:MinSeverity must be one of info, low, medium, high, critical, by name (sink 'soar' has '3')")]
    [InlineData("Delivery:Sinks:0:MinSeverity", "high,critical", "Delivery:Sinks:0:MinSeverity must be one of")]
    [InlineData("Delivery:Sinks:0:Events:0", "everything", "'everything' is not one of newFinding")]
    [InlineData("Delivery:Sinks:0:Events:0", "0", "Delivery:Sinks:0:Events:0 '0' is not one of newFinding")]
    [InlineData("Delivery:Sinks:0:Type", "pagerduty", "Type 'pagerduty' is not one of webhook, sumologic, splunk, slack")]
    [InlineData("Delivery:Sinks:0:MaxBatchSize", "501", "MaxBatchSize must be between 1 and 500")]
    [InlineData("Delivery:MaxAttempts", "0", "Delivery:MaxAttempts must be between 1 and 100")]
    [InlineData("Delivery:Sinks:1:Name", "soar", "Delivery:Sinks:1:Name 'soar' is the name of an earlier sink too")]
    public void A_mistake_is_a_usage_error_that_names_the_key_and_never_the_secret(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Delivery:Sinks:0:Name"] = "soar",
            ["Delivery:Sinks:0:Type"] = "webhook",
            ["Delivery:Sinks:0:UrlFromEnv"] = "HOOK_URL",
            ["Delivery:Sinks:1:Type"] = "webhook",
            ["Delivery:Sinks:1:UrlFromEnv"] = "HOOK_URL",
            ["Delivery:Sinks:1:Name"] = "other",
            [key] = value,
        };

        var error = Assert.ThrowsAny<UsageException>(() => Create(settings));

        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), error.Message);
        Assert.DoesNotContain("T0KEN", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("webhook", "MaxFindings", "3", "Delivery:Sinks:0:MaxFindings does not apply to type webhook, only to slack")]
    [InlineData("webhook", "MaxFindings", "0", "Delivery:Sinks:0:MaxFindings does not apply to type webhook, only to slack")]
    [InlineData("webhook", "Index", "main", "Delivery:Sinks:0:Index does not apply to type webhook, only to splunk")]
    [InlineData("sumologic", "Index", "main", "Delivery:Sinks:0:Index does not apply to type sumologic, only to splunk")]
    [InlineData("webhook", "SourceHost", "node-7", "Delivery:Sinks:0:SourceHost does not apply to type webhook, only to sumologic and splunk")]
    [InlineData("webhook", "TokenFromEnv", "HOOK_KEY", "Delivery:Sinks:0:TokenFromEnv does not apply to type webhook, only to splunk")]
    [InlineData("splunk", "SecretFromEnv", "HOOK_KEY", "Delivery:Sinks:0:SecretFromEnv does not apply to type splunk, only to webhook")]
    [InlineData("slack", "MaxBodyBytes", "2048", "Delivery:Sinks:0:MaxBodyBytes does not apply to type slack, only to sumologic and splunk")]
    [InlineData("slack", "MaxBatchSize", "5", "Delivery:Sinks:0:MaxBatchSize does not apply to type slack, only to webhook, sumologic and splunk")]
    public void A_field_of_another_type_is_refused_under_its_own_key(string type, string field, string value, string expected)
    {
        var error = Assert.ThrowsAny<UsageException>(() => Create(new()
        {
            ["Delivery:Sinks:0:Name"] = "sink",
            ["Delivery:Sinks:0:Type"] = type,
            ["Delivery:Sinks:0:UrlFromEnv"] = "HOOK_URL",
            [$"Delivery:Sinks:0:{field}"] = value,
        }));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Every_misplaced_field_is_named_at_once()
    {
        var error = Assert.ThrowsAny<UsageException>(() => Create(new()
        {
            ["Delivery:Sinks:0:Name"] = "soar",
            ["Delivery:Sinks:0:Type"] = "webhook",
            ["Delivery:Sinks:0:UrlFromEnv"] = "HOOK_URL",
            ["Delivery:Sinks:0:Source"] = "ps",
            ["Delivery:Sinks:0:MaxFindings"] = "3",
        }));

        Assert.Equal(
            $"Delivery:Sinks:0:Source does not apply to type webhook, only to splunk{System.Environment.NewLine}Delivery:Sinks:0:MaxFindings does not apply to type webhook, only to slack",
            error.Message);
    }

    [Fact]
    public void Every_field_is_common_or_listed_with_the_types_that_use_it()
    {
        string[] common = ["Name", "Type", "MinSeverity", "Events", "Url", "UrlFromEnv"];
        var listed = SinkFields.TypeSpecific.Select(f => f.Name).ToList();

        Assert.Equal(
            typeof(DeliverySinkSettings).GetProperties().Select(p => p.Name).Except(common).Order(),
            listed.Order());
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.All(SinkFields.TypeSpecific.SelectMany(f => f.Types), t => Assert.Contains(t, DeliverySinkFactory.Types));
    }

    [Fact]
    public void A_missing_variable_is_named_and_an_invalid_url_is_not_quoted()
    {
        var missing = Assert.ThrowsAny<UsageException>(() => Create(new()
        {
            ["Delivery:Sinks:0:Name"] = "soar", ["Delivery:Sinks:0:Type"] = "webhook", ["Delivery:Sinks:0:UrlFromEnv"] = "NOT_SET",
        }));
        Assert.Equal("Delivery:Sinks:0:UrlFromEnv names environment variable 'NOT_SET', which is not set", missing.Message);

        var invalid = Assert.ThrowsAny<UsageException>(() => Create(
            new() { ["Delivery:Sinks:0:Name"] = "soar", ["Delivery:Sinks:0:Type"] = "webhook", ["Delivery:Sinks:0:UrlFromEnv"] = "BAD" },
            new Dictionary<string, string> { ["BAD"] = "ftp://T0KEN-abc123@example.test/" }));
        Assert.Equal("Delivery:Sinks:0:UrlFromEnv names environment variable 'BAD', which does not hold an absolute http or https URL", invalid.Message);
    }

    private static DeliveryRuntime? Create(Dictionary<string, string?> settings, Dictionary<string, string>? environment = null)
    {
        var configuration = AppConfiguration.Load(null, settings);
        var variables = environment ?? Environment;
        return DeliveryRuntime.Create(configuration, name => variables.GetValueOrDefault(name));
    }
}
