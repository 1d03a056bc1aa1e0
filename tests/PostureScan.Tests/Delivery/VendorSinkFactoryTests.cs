using System.Text.Json;
using PostureScan.Cli;
using PostureScan.Core.Delivery;
using PostureScan.Core.Findings;
using PostureScan.Delivery.Slack;
using PostureScan.Delivery.Splunk;
using PostureScan.Delivery.SumoLogic;
using PostureScan.Hosting;
using PostureScan.TestKit;
using PostureScan.TestKit.Http;

namespace PostureScan.Tests.Delivery;

/// <summary>
/// The sumologic, splunk and slack types of <c>Delivery:Sinks</c>: each builds its sink with the configured
/// fields (proved on the wire, against a loopback receiver), takes its secret from the environment and
/// registers it with the redactor, and refuses what does not belong to it without quoting a secret.
/// </summary>
public sealed class VendorSinkFactoryTests
{
    private const string SumoToken = "SUMO-src-token-77c1e0";
    private const string HecToken = "HEC-token-4b19d2aa";
    private const string SlackToken = "SLACK-hook-token-0e5f";

    private static ConfiguredSinks Create(Dictionary<string, string> environment, params DeliverySinkSettings[] sinks) =>
        DeliverySinkFactory.Create(new DeliverySettings { Sinks = [.. sinks] }, new HttpClient(), v => environment.GetValueOrDefault(v));

    private static DeliveryEvent Finding() => new()
    {
        IdempotencyKey = "run-1:f-1:new",
        Kind = DeliveryEventKind.NewFinding,
        RunId = "run-1",
        OccurredAt = Some.Time,
        Severity = Severity.High,
        Finding = new DeliveredFinding("f-1", "check", "title", Severity.High, FindingStatus.New, "tms-1", "aws", Some.Account, "us-east-1", "m", "T1020.001", null),
    };

    private static DeliveryEvent Summary() => new()
    {
        IdempotencyKey = "run-1:summary",
        Kind = DeliveryEventKind.RunSummary,
        RunId = "run-1",
        OccurredAt = Some.Time,
        Severity = Severity.High,
        Summary = new DeliveredRunSummary(3, 0, 2, new Dictionary<string, int> { ["high"] = 1 }, 1, 0, [], "/reports/run-1.html"),
    };

    [Fact]
    public async Task A_sumologic_sink_gets_its_url_from_the_environment_and_its_headers_and_batch_from_the_settings()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        var environment = new Dictionary<string, string> { ["SUMO_URL"] = new Uri(receiver.BaseAddress, $"receiver/v1/http/{SumoToken}").AbsoluteUri };

        var configured = Create(environment, new DeliverySinkSettings
        {
            Name = "sumo", Type = "sumologic", UrlFromEnv = "SUMO_URL", MinSeverity = "high", Events = ["newFinding"],
            Category = "sec/mirrors", SourceName = "scanner", SourceHost = "node-7", MaxBatchSize = 250,
        });

        var sink = Assert.IsType<SumoLogicSink>(Assert.Single(configured.Sinks));
        Assert.Equal(("sumo", 250), (sink.Name, sink.MaxBatchSize));
        Assert.Equal(Severity.High, sink.Subscription.MinimumSeverity);
        Assert.Equal([DeliveryEventKind.NewFinding], sink.Subscription.Kinds);
        Assert.True((await sink.SendAsync([Finding()], CancellationToken.None)).Succeeded);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal($"/receiver/v1/http/{SumoToken}", request.Path);
        Assert.Equal(("sec/mirrors", "scanner", "node-7"), (request.Header("X-Sumo-Category"), request.Header("X-Sumo-Name"), request.Header("X-Sumo-Host")));
        Assert.DoesNotContain(SumoToken, configured.Redactor.Redact(environment["SUMO_URL"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_splunk_sink_gets_its_token_from_the_environment_and_index_and_sourcetype_from_the_settings()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        var environment = new Dictionary<string, string> { ["HEC_TOKEN"] = HecToken };

        var configured = Create(environment, new DeliverySinkSettings
        {
            Name = "splunk", Type = "splunk", Url = receiver.BaseAddress.AbsoluteUri, TokenFromEnv = "HEC_TOKEN",
            Index = "security", SourceType = "posturescan:finding", Source = "ps", SourceHost = "node-7",
        });

        var sink = Assert.IsType<SplunkHecSink>(Assert.Single(configured.Sinks));
        Assert.Equal(4, sink.Subscription.Kinds.Count); // no Events: all four
        Assert.True((await sink.SendAsync([Finding()], CancellationToken.None)).Succeeded);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal("/services/collector/event", request.Path);
        Assert.Equal($"Splunk {HecToken}", request.Header("Authorization"));
        var hec = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal(("security", "posturescan:finding", "ps", "node-7"), (
            hec.GetProperty("index").GetString(), hec.GetProperty("sourcetype").GetString(),
            hec.GetProperty("source").GetString(), hec.GetProperty("host").GetString()));
        Assert.DoesNotContain(HecToken, configured.Redactor.Redact($"Authorization: Splunk {HecToken}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slack_sink_takes_run_summaries_even_when_no_events_are_named()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        var environment = new Dictionary<string, string> { ["SLACK_URL"] = new Uri(receiver.BaseAddress, $"services/T0/B0/{SlackToken}").AbsoluteUri };

        var configured = Create(environment, new DeliverySinkSettings { Name = "chat", Type = "Slack", UrlFromEnv = "SLACK_URL", MaxFindings = 2 });

        var sink = Assert.IsType<SlackSink>(Assert.Single(configured.Sinks));
        Assert.Equal([DeliveryEventKind.RunSummary], sink.Subscription.Kinds);
        Assert.Equal(1, sink.MaxBatchSize);
        Assert.True((await sink.SendAsync([Summary()], CancellationToken.None)).Succeeded);
        Assert.Contains("PostureScan run run-1", JsonDocument.Parse(Assert.Single(receiver.Requests).Body).RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SlackToken, configured.Redactor.Redact(environment["SLACK_URL"]), StringComparison.Ordinal);
    }

    [Fact]
    public void All_three_types_bind_from_configuration_keys_and_their_secrets_are_redacted()
    {
        var configuration = AppConfiguration.Load(null, new Dictionary<string, string?>
        {
            ["Delivery:Sinks:0:Name"] = "sumo", ["Delivery:Sinks:0:Type"] = "sumologic", ["Delivery:Sinks:0:UrlFromEnv"] = "SUMO_URL",
            ["Delivery:Sinks:0:MaxBodyBytes"] = "2048", ["Delivery:Sinks:0:MaxBatchSize"] = "7", ["Delivery:Sinks:0:Category"] = "a/b",
            ["Delivery:Sinks:1:Name"] = "splunk", ["Delivery:Sinks:1:Type"] = "splunk", ["Delivery:Sinks:1:Url"] = "https://splunk.example:8088",
            ["Delivery:Sinks:1:TokenFromEnv"] = "HEC_TOKEN", ["Delivery:Sinks:1:Index"] = "security", ["Delivery:Sinks:1:MaxBodyBytes"] = "4096",
            ["Delivery:Sinks:2:Name"] = "chat", ["Delivery:Sinks:2:Type"] = "slack", ["Delivery:Sinks:2:UrlFromEnv"] = "SLACK_URL",
            ["Delivery:Sinks:2:MaxFindings"] = "3", ["Delivery:Sinks:2:Events:0"] = "runSummary",
        });
        var environment = new Dictionary<string, string>
        {
            ["SUMO_URL"] = $"https://collectors.example/receiver/v1/http/{SumoToken}",
            ["HEC_TOKEN"] = HecToken,
            ["SLACK_URL"] = $"https://hooks.example/services/T0/B0/{SlackToken}",
        };

        using var delivery = DeliveryRuntime.Create(configuration, v => environment.GetValueOrDefault(v))!;

        var sinks = delivery.Sinks.Sinks;
        Assert.Equal(("sumo", 7), (Assert.IsType<SumoLogicSink>(sinks[0]).Name, sinks[0].MaxBatchSize));
        Assert.Equal(("splunk", 100), (Assert.IsType<SplunkHecSink>(sinks[1]).Name, sinks[1].MaxBatchSize));
        Assert.Equal(("chat", 1), (Assert.IsType<SlackSink>(sinks[2]).Name, sinks[2].MaxBatchSize));
        var leaked = delivery.Sinks.Redactor.Redact($"{environment["SUMO_URL"]} Splunk {HecToken} {environment["SLACK_URL"]}");
        Assert.DoesNotContain(SumoToken, leaked, StringComparison.Ordinal);
        Assert.DoesNotContain(HecToken, leaked, StringComparison.Ordinal);
        Assert.DoesNotContain(SlackToken, leaked, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("slack", "{\"Events\":[\"runSummary\",\"newFinding\"]}", "a slack sink takes runSummary only")]
    [InlineData("slack", "{\"MaxBatchSize\":5}", "does not apply to type slack")]
    [InlineData("slack", "{\"TokenFromEnv\":\"HEC_TOKEN\"}", "does not apply to type slack")]
    [InlineData("sumologic", "{\"Index\":\"main\"}", "does not apply to type sumologic")]
    [InlineData("sumologic", "{\"MaxFindings\":3}", "does not apply to type sumologic")]
    [InlineData("splunk", "{\"Category\":\"a/b\"}", "does not apply to type splunk")]
    [InlineData("splunk", "{}", "Token or TokenFromEnv is required for type splunk")]
    [InlineData("webhook", "{\"MaxBodyBytes\":2048}", "does not apply to type webhook")]
    public void Misplaced_or_missing_fields_are_configuration_errors(string type, string extra, string expected)
    {
        var settings = JsonSerializer.Deserialize<DeliverySinkSettings>(extra)!;
        settings.Name = "sink";
        settings.Type = type;
        settings.UrlFromEnv = "SINK_URL";
        var environment = new Dictionary<string, string> { ["SINK_URL"] = $"https://collector.example/{SlackToken}", ["HEC_TOKEN"] = HecToken };

        var error = Assert.ThrowsAny<UsageException>(() => Create(environment, settings));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Delivery:Sinks:0", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SlackToken, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(HecToken, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HEC-token\r\nX-Injected: yes")]
    [InlineData("HEC-token-with-ünïcode")]
    public void A_splunk_token_that_cannot_be_a_header_is_refused_without_being_shown(string token)
    {
        var environment = new Dictionary<string, string> { ["HEC_TOKEN"] = token };

        var error = Assert.ThrowsAny<UsageException>(() => Create(
            environment,
            new DeliverySinkSettings { Name = "splunk", Type = "splunk", Url = "https://splunk.example:8088/", TokenFromEnv = "HEC_TOKEN" }));

        Assert.Contains("Delivery:Sinks:0:TokenFromEnv is refused: Splunk HEC sink 'splunk': Token must be non-empty printable ASCII", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("HEC-token", error.Message, StringComparison.Ordinal);
    }
}
