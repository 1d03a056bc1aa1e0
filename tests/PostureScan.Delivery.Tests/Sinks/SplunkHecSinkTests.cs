using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PostureScan.Core.Delivery;
using PostureScan.Core.Serialization;
using PostureScan.Delivery.Splunk;
using PostureScan.TestKit;
using PostureScan.TestKit.Http;

namespace PostureScan.Delivery.Tests.Sinks;

public sealed class SplunkHecSinkTests
{
    private const string Token = "9f1c2b3a-hec-token-5e6d-7c8b9a0f1e2d";

    private static SplunkHecSink Sink(RecordingReceiver receiver, HttpClient client, string? index = "security", int maxBodyBytes = 1_000_000) => new(
        new SplunkHecSinkOptions
        {
            Name = "splunk",
            BaseUrl = new Uri(receiver.BaseAddress, "splunk"),
            Token = Token,
            Subscription = Events.All,
            Index = index,
            Source = "posturescan",
            SourceType = "posturescan:finding",
            Host = "scanner-1",
            MaxBodyBytes = maxBodyBytes,
        },
        client,
        new FakeTimeProvider(Some.Time));

    /// <summary>HEC's body: JSON objects one after another (the sink puts a newline between them).</summary>
    private static List<JsonElement> HecEvents(RecordedRequest request)
    {
        var events = new List<JsonElement>();
        var reader = new Utf8JsonReader(request.Body, new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            events.Add(JsonElement.ParseValue(ref reader));
        }

        return events;
    }

    [Fact]
    public async Task Posts_concatenated_hec_events_with_the_splunk_authorization_header()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        receiver.Respond = _ => ReceiverReply.Json(200, """{"text":"Success","code":0}""");
        using var client = new HttpClient();
        var batch = new[] { Events.NewFinding(1), Events.NewFinding(2), Events.Summary() };

        var response = await Sink(receiver, client).SendAsync(batch, CancellationToken.None);

        Assert.True(response.Succeeded);
        Assert.Null(response.Reason);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal("/splunk/services/collector/event", request.Path);
        Assert.Equal($"Splunk {Token}", request.Header("Authorization"));
        var events = HecEvents(request);
        Assert.Equal(3, events.Count);
        var first = events[0];
        Assert.Equal(batch[0].OccurredAt.ToUnixTimeMilliseconds() / 1000m, first.GetProperty("time").GetDecimal());
        Assert.Equal("scanner-1", first.GetProperty("host").GetString());
        Assert.Equal("posturescan", first.GetProperty("source").GetString());
        Assert.Equal("posturescan:finding", first.GetProperty("sourcetype").GetString());
        Assert.Equal("security", first.GetProperty("index").GetString());
        var inner = first.GetProperty("event").Deserialize<DeliveryEvent>(PostureJson.Options)!;
        Assert.Equal(batch[0].Finding, inner.Finding);
        Assert.Equal(batch.Select(e => e.IdempotencyKey), events.Select(e => e.GetProperty("event").GetProperty("idempotencyKey").GetString()));
    }

    [Fact]
    public async Task Without_an_index_the_field_is_left_out_for_the_token_default()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        using var client = new HttpClient();

        await Sink(receiver, client, index: null).SendAsync([Events.NewFinding(1)], CancellationToken.None);

        Assert.False(HecEvents(Assert.Single(receiver.Requests))[0].TryGetProperty("index", out _));
    }

    [Fact]
    public async Task Hostile_text_round_trips_inside_the_event()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        using var client = new HttpClient();
        var batch = Hostile.Strings.Select((s, i) => Events.NewFinding(i, s)).ToList();

        await Sink(receiver, client).SendAsync(batch, CancellationToken.None);

        var events = HecEvents(Assert.Single(receiver.Requests));
        Assert.Equal(batch.Select(e => e.Finding), events.Select(e => e.GetProperty("event").Deserialize<DeliveryEvent>(PostureJson.Options)!.Finding));
    }

    [Fact]
    public async Task A_large_batch_is_split_under_the_body_bound_in_order()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        using var client = new HttpClient();
        var batch = Enumerable.Range(0, 30).Select(i => Events.NewFinding(i, new string('y', 300))).ToList();

        await Sink(receiver, client, maxBodyBytes: 4096).SendAsync(batch, CancellationToken.None);

        var requests = receiver.Requests;
        Assert.True(requests.Count > 1);
        Assert.All(requests, r => Assert.True(r.Body.Length <= 4096));
        Assert.Equal(
            batch.Select(e => e.IdempotencyKey),
            requests.SelectMany(HecEvents).Select(e => e.GetProperty("event").GetProperty("idempotencyKey").GetString()));
    }

    [Theory]
    [InlineData(403, """{"text":"Invalid token","code":4}""", 403, false, "HEC code 4: Invalid token")]
    [InlineData(403, """{"text":"Token disabled","code":1}""", 403, false, "HEC code 1: Token disabled")]
    [InlineData(401, """{"text":"Token is required","code":2}""", 401, false, "HEC code 2: Token is required")]
    [InlineData(400, """{"text":"Invalid data format","code":6,"invalid-event-number":2}""", 400, false, "HEC code 6: Invalid data format (event 2 of the batch)")]
    [InlineData(400, """{"text":"Incorrect index","code":7,"invalid-event-number":0}""", 400, false, "HEC code 7: Incorrect index (event 0 of the batch)")]
    [InlineData(503, """{"text":"Server is busy","code":9}""", 503, true, "HEC code 9: Server is busy")]
    [InlineData(500, """{"text":"Internal server error","code":8}""", 500, true, "HEC code 8: Internal server error")]
    [InlineData(200, """{"text":"Server is busy","code":9}""", 503, true, "HEC code 9: Server is busy")]
    [InlineData(200, """{"text":"???","code":99}""", 502, true, "HEC code 99")]
    [InlineData(502, "<html>bad gateway</html>", 502, true, null)]
    public async Task Hec_answers_map_to_status_retryability_and_our_own_reason(
        int httpStatus, string body, int expectedStatus, bool retryable, string? reasonDetail)
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        receiver.Respond = _ => ReceiverReply.Json(httpStatus, body);
        using var client = new HttpClient();

        var response = await Sink(receiver, client).SendAsync([Events.NewFinding(1)], CancellationToken.None);

        Assert.Equal(expectedStatus, response.StatusCode);
        Assert.False(response.Succeeded);
        Assert.Equal(retryable, response.IsRetryable);
        Assert.Equal(reasonDetail is null ? $"HTTP {httpStatus}" : $"HTTP {httpStatus}: {reasonDetail}", response.Reason);
    }

    [Fact]
    public async Task A_busy_collector_s_retry_after_date_becomes_a_delay_on_the_sink_clock()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        var date = Some.Time.AddSeconds(90).ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        receiver.Respond = _ => ReceiverReply.Json(503, """{"text":"Server is busy","code":9}""") with
        {
            Headers = new Dictionary<string, string> { ["Retry-After"] = date },
        };
        using var client = new HttpClient();

        var response = await Sink(receiver, client).SendAsync([Events.NewFinding(1)], CancellationToken.None);

        // The header has whole seconds; the clock has sub-second ticks.
        Assert.InRange(response.RetryAfter!.Value, TimeSpan.FromSeconds(89), TimeSpan.FromSeconds(90));
    }

    [Theory]
    [InlineData("")]
    [InlineData("token\r\nX-Injected: 1")]
    [InlineData("tökén")]
    public void A_token_that_is_not_a_header_value_is_refused_without_showing_it(string token)
    {
        using var client = new HttpClient();
        var options = new SplunkHecSinkOptions { Name = "splunk", BaseUrl = new Uri("https://splunk.example:8088"), Token = token, Subscription = Events.All };

        var error = Assert.Throws<ArgumentException>(() => new SplunkHecSink(options, client, TimeProvider.System));

        Assert.Contains("Token", error.Message, StringComparison.Ordinal);
        if (token.Length > 0)
        {
            Assert.DoesNotContain(token.Split('\r')[0], error.Message, StringComparison.Ordinal);
        }
    }
}
