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
    [InlineData("Delivery:Sinks:0:Events:0", "0", "Delivery:Sinks:0:Events: '0' is not one of newFinding")]
    [InlineData("Delivery:Sinks:0:Type", "pagerduty", "Type must be one of webhook, sumologic, splunk, slack")]
    [InlineData("Delivery:Sinks:0:MaxBatchSize", "501", "MaxBatchSize must be between 1 and 500")]
    [InlineData("Delivery:MaxAttempts", "0", "Delivery:MaxAttempts must be between 1 and 100")]
    [InlineData("Delivery:Sinks:1:Name", "soar", "sink name 'soar' is used twice")]
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

        var error = Assert.Throws<UsageException>(() => Create(settings));

        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), error.Message);
        Assert.DoesNotContain("T0KEN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_variable_is_named_and_an_invalid_url_is_not_quoted()
    {
        var missing = Assert.Throws<UsageException>(() => Create(new()
        {
            ["Delivery:Sinks:0:Name"] = "soar", ["Delivery:Sinks:0:Type"] = "webhook", ["Delivery:Sinks:0:UrlFromEnv"] = "NOT_SET",
        }));
        Assert.Equal("Delivery:Sinks:0:UrlFromEnv: environment variable 'NOT_SET' is not set", missing.Message);

        var invalid = Assert.Throws<UsageException>(() => Create(
            new() { ["Delivery:Sinks:0:Name"] = "soar", ["Delivery:Sinks:0:Type"] = "webhook", ["Delivery:Sinks:0:UrlFromEnv"] = "BAD" },
            new Dictionary<string, string> { ["BAD"] = "ftp://T0KEN-abc123@example.test/" }));
        Assert.Equal("Delivery:Sinks:0:Url is not an absolute http or https URL", invalid.Message);
    }

    private static DeliveryRuntime? Create(Dictionary<string, string?> settings, Dictionary<string, string>? environment = null)
    {
        var configuration = AppConfiguration.Load(null, settings);
        var variables = environment ?? Environment;
        return DeliveryRuntime.Create(configuration, name => variables.GetValueOrDefault(name));
    }
}
