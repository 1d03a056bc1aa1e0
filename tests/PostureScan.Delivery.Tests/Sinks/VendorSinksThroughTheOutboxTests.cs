using System.Text.Json;
using PostureScan.Core.Delivery;
using PostureScan.Delivery.Outbox;
using PostureScan.Delivery.Slack;
using PostureScan.Delivery.Splunk;
using PostureScan.Delivery.SumoLogic;
using PostureScan.Delivery.Tests.Support;
using PostureScan.TestKit.Http;

namespace PostureScan.Delivery.Tests.Sinks;

/// <summary>
/// The Sumo Logic, Splunk and Slack sinks driven by the real dispatcher over a real SQLite outbox, on a fake
/// clock for the dispatcher's waits (the sinks keep the system clock: their own timers are not waits).
/// </summary>
public sealed class VendorSinksThroughTheOutboxTests
{
    private static readonly DeliveryPolicy Patient = new(10, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

    private static IEnumerable<string> Keys(RecordedRequest request) =>
        request.BodyLines().Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (e.TryGetProperty("event", out var inner) ? inner : e).GetProperty("idempotencyKey").GetString()!);

    [Fact(Timeout = 120_000)]
    public async Task A_split_sumo_batch_failing_in_its_second_part_is_resent_whole_and_each_key_is_accepted_once_in_order()
    {
        await using var f = await OutboxFixture.OpenAsync();
        await using var receiver = await RecordingReceiver.StartAsync();
        using var http = new HttpClient();
        var sink = new SumoLogicSink(
            new SumoLogicSinkOptions { Name = "sumo", Url = new Uri(receiver.BaseAddress, "receiver/v1/http/tok"), Subscription = OutboxFixture.Everything, MaxBatchSize = 50, MaxBodyBytes = 2048 },
            http,
            TimeProvider.System);
        await f.StoreRunAsync(6, sink);
        var queued = await f.Store.ListOutboxAsync(null, null, CancellationToken.None);
        receiver.Script(ReceiverReply.Ok(), ReceiverReply.Status(503));

        var pass = f.Dispatcher(Patient, sink).DrainAsync(CancellationToken.None);
        var waits = await Drive.UntilDoneAsync(pass, f.Time);

        Assert.Single(waits); // one backoff after the 503
        Assert.Equal(new SinkDrainResult("sumo", queued.Count, 0, false), Assert.Single(await pass));
        var requests = receiver.Requests;
        Assert.True(requests.Count >= 4, $"{requests.Count} requests: the batch did not split in at least two parts");
        var firstPart = Keys(requests[0]).ToList();
        var accepted = requests.Where((_, i) => i != 1).SelectMany(Keys).Distinct().ToList();
        Assert.Equal(queued.Select(q => q.Event.IdempotencyKey), accepted);
        Assert.Equal(firstPart, Keys(requests[2]).ToList()); // the retry starts again from the first part, same keys
        Assert.All(await f.Store.ListOutboxAsync(null, null, CancellationToken.None), r => Assert.Equal(OutboxState.Delivered, r.State));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_busy_splunk_is_waited_for_as_it_asks_and_a_refused_token_is_dead_lettered_with_hec_s_reason()
    {
        await using var f = await OutboxFixture.OpenAsync();
        await using var receiver = await RecordingReceiver.StartAsync();
        using var http = new HttpClient();
        var sink = new SplunkHecSink(
            new SplunkHecSinkOptions { Name = "splunk", BaseUrl = receiver.BaseAddress, Token = "hec-token-0001", Subscription = OutboxFixture.Everything },
            http,
            TimeProvider.System);
        await f.StoreRunAsync(2, sink);
        receiver.Script(
            ReceiverReply.Json(503, """{"text":"Server is busy","code":9}""") with { Headers = new Dictionary<string, string> { ["Retry-After"] = "7" } },
            ReceiverReply.Json(403, """{"text":"Invalid token","code":4}"""));

        var pass = f.Dispatcher(Patient, sink).DrainAsync(CancellationToken.None);
        var waits = await Drive.UntilDoneAsync(pass, f.Time);

        Assert.Equal([TimeSpan.FromSeconds(7)], waits);
        var dead = await f.Store.ListOutboxAsync(OutboxState.Dead, null, CancellationToken.None);
        Assert.NotEmpty(dead);
        Assert.All(dead, d => Assert.Equal("refused: HTTP 403: HEC code 4: Invalid token", d.LastError));
        Assert.DoesNotContain(f.Log.Lines, l => l.Contains("hec-token-0001", StringComparison.Ordinal));
    }

    [Fact(Timeout = 120_000)]
    public async Task Slack_gets_the_run_summary_only_once()
    {
        await using var f = await OutboxFixture.OpenAsync();
        await using var receiver = await RecordingReceiver.StartAsync();
        using var http = new HttpClient();
        var sink = new SlackSink(
            new SlackSinkOptions { Name = "chat", WebhookUrl = new Uri(receiver.BaseAddress, "services/T/B/x"), Subscription = Events.Summaries },
            http,
            TimeProvider.System);
        await f.StoreRunAsync(4, sink);
        receiver.Script(ReceiverReply.RetryAfter("3"));

        var pass = f.Dispatcher(Patient, sink).DrainAsync(CancellationToken.None);
        var waits = await Drive.UntilDoneAsync(pass, f.Time);

        Assert.Equal([TimeSpan.FromSeconds(3)], waits);
        Assert.Equal(new SinkDrainResult("chat", 1, 0, false), Assert.Single(await pass));
        Assert.Equal(2, receiver.Requests.Count);
        Assert.Equal(receiver.Requests[0].BodyText, receiver.Requests[1].BodyText);
        Assert.Contains("New: 4", receiver.Requests[1].BodyText, StringComparison.Ordinal);
    }
}
