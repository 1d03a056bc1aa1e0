using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PostureScan.Core.Delivery;
using PostureScan.Core.Serialization;
using PostureScan.Delivery.SumoLogic;
using PostureScan.TestKit;
using PostureScan.TestKit.Http;

namespace PostureScan.Delivery.Tests.Sinks;

public sealed class SumoLogicSinkTests
{
    private const string SourceToken = "ZaVnC4dhaV39Tn37ehKlSQ-sumo-source-token==";

    private static SumoLogicSink Sink(RecordingReceiver receiver, HttpClient client, int maxBodyBytes = 1_000_000) => new(
        new SumoLogicSinkOptions
        {
            Name = "sumo",
            Url = new Uri(receiver.BaseAddress, $"receiver/v1/http/{SourceToken}"),
            Subscription = Events.All,
            Category = "security/posturescan",
            SourceName = "posturescan-findings",
            SourceHost = "scanner-1",
            MaxBodyBytes = maxBodyBytes,
        },
        client,
        new FakeTimeProvider(Some.Time));

    [Fact]
    public async Task Posts_json_lines_with_the_three_sumo_headers_to_the_source_url()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        using var client = new HttpClient();
        var batch = new[] { Events.NewFinding(1), Events.NewFinding(2), Events.Summary() };

        var response = await Sink(receiver, client).SendAsync(batch, CancellationToken.None);

        Assert.True(response.Succeeded);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/receiver/v1/http/{SourceToken}", request.Path);
        Assert.Equal("security/posturescan", request.Header("X-Sumo-Category"));
        Assert.Equal("posturescan-findings", request.Header("X-Sumo-Name"));
        Assert.Equal("scanner-1", request.Header("X-Sumo-Host"));
        Assert.StartsWith("application/x-ndjson", request.Header("Content-Type"), StringComparison.Ordinal);
        var parsed = request.BodyLines().Select(l => JsonSerializer.Deserialize<DeliveryEvent>(l, PostureJson.Options)!).ToList();
        Assert.Equal(batch.Select(e => e.IdempotencyKey), parsed.Select(e => e.IdempotencyKey));
        Assert.Equal(batch[0].Finding, parsed[0].Finding);
        Assert.Equal(batch[2].Summary!.TopNewFindings, parsed[2].Summary!.TopNewFindings);
        Assert.Contains("\"kind\":\"newFinding\"", request.BodyLines()[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_text_with_line_breaks_stays_one_line_per_event()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        using var client = new HttpClient();
        var batch = Hostile.Strings.Select((s, i) => Events.NewFinding(i, s)).ToList();

        await Sink(receiver, client).SendAsync(batch, CancellationToken.None);

        var lines = Assert.Single(receiver.Requests).BodyLines();
        Assert.Equal(batch.Count, lines.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            Assert.Equal(batch[i].Finding, JsonSerializer.Deserialize<DeliveryEvent>(lines[i], PostureJson.Options)!.Finding);
        }
    }

    [Fact]
    public async Task A_batch_over_the_body_bound_is_split_in_order_and_no_body_passes_the_bound()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        using var client = new HttpClient();
        var batch = Enumerable.Range(0, 40).Select(i => Events.NewFinding(i, new string('x', 200))).ToList();
        const int Bound = 4096;

        var response = await Sink(receiver, client, Bound).SendAsync(batch, CancellationToken.None);

        Assert.True(response.Succeeded);
        var requests = receiver.Requests;
        Assert.True(requests.Count > 1, $"expected a split, got {requests.Count} request(s)");
        Assert.All(requests, r => Assert.True(r.Body.Length <= Bound, $"body of {r.Body.Length} bytes"));
        var keys = requests.SelectMany(r => r.BodyLines()).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("idempotencyKey").GetString());
        Assert.Equal(batch.Select(e => e.IdempotencyKey), keys);
    }

    [Fact]
    public async Task An_event_larger_than_the_bound_travels_alone_and_whole()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        using var client = new HttpClient();
        var batch = new[] { Events.NewFinding(1), Events.NewFinding(2, Hostile.Large(8 * 1024)), Events.NewFinding(3) };

        await Sink(receiver, client, 4096).SendAsync(batch, CancellationToken.None);

        var bodies = receiver.Requests.Select(r => r.BodyLines()).ToList();
        Assert.Equal([1, 1, 1], bodies.Select(b => b.Count));
        Assert.Equal(batch[1].Finding, JsonSerializer.Deserialize<DeliveryEvent>(bodies[1][0], PostureJson.Options)!.Finding);
    }

    [Fact]
    public async Task The_first_failed_part_stops_the_batch_and_is_the_answer_with_its_retry_after()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        receiver.Script(ReceiverReply.Ok(), ReceiverReply.RetryAfter("30"));
        using var client = new HttpClient();
        var batch = Enumerable.Range(0, 40).Select(i => Events.NewFinding(i, new string('x', 200))).ToList();

        var response = await Sink(receiver, client, 4096).SendAsync(batch, CancellationToken.None);

        Assert.Equal(429, response.StatusCode);
        Assert.True(response.IsRetryable);
        Assert.Equal(TimeSpan.FromSeconds(30), response.RetryAfter);
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task A_header_value_with_a_line_break_is_refused_at_construction()
    {
        using var client = new HttpClient();
        var options = new SumoLogicSinkOptions
        {
            Name = "sumo",
            Url = new Uri("https://collectors.example/receiver/v1/http/" + SourceToken),
            Subscription = Events.All,
            Category = "security\r\nX-Injected: 1",
        };

        var error = Assert.Throws<ArgumentException>(() => new SumoLogicSink(options, client, TimeProvider.System));
        Assert.Contains("Category", error.Message, StringComparison.Ordinal);
    }
}
