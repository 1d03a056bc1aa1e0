using PostureScan.Core.Delivery;
using PostureScan.Delivery.Outbox;
using PostureScan.Delivery.Tests.Support;
using PostureScan.Delivery.Webhook;
using PostureScan.TestKit;
using PostureScan.TestKit.Http;

namespace PostureScan.Delivery.Tests;

/// <summary>The dispatcher against a real webhook receiver on loopback and a real SQLite outbox, on a fake clock.</summary>
public sealed class OutboxDispatcherTests
{
    private const string Secret = "hmac-SECRET-5f2a9c";

    private static readonly DeliveryPolicy Patient = new(10, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

    private static CancellationToken None => CancellationToken.None;

    [Fact(Timeout = 120_000)]
    public async Task Receiver_down_then_500s_then_429_with_Retry_After_then_up_gets_every_event_once_in_order()
    {
        await using var f = await OutboxFixture.OpenAsync();
        await using var receiver = await RecordingReceiver.StartAsync();
        await receiver.StopAsync();
        using var http = new HttpClient();
        var sink = new WebhookSink("hooks", OutboxFixture.Everything, receiver.Url, Secret, 3, http, TimeProvider.System);
        f.Redactor.Add(Secret);
        f.Redactor.Add(receiver.Url.AbsoluteUri);
        var findings = await f.StoreRunAsync(7, sink);
        var queued = await f.Store.ListOutboxAsync(null, null, None);
        Assert.Equal(9, queued.Count); // the failed scope, seven findings, the summary

        var answer = new ReceiverReply(500);
        var accepted = new List<RecordedRequest>();
        receiver.RespondAsync = r =>
        {
            lock (accepted)
            {
                if (answer.StatusCode == 200)
                {
                    accepted.Add(r);
                }
            }

            return Task.FromResult(answer);
        };

        var pass = f.Dispatcher(Patient, sink).DrainAsync(None);
        var waits = await Drive.UntilDoneAsync(pass, f.Time, async (n, _) =>
        {
            switch (n)
            {
                case 2: // refused twice: the receiver comes up, failing
                    await receiver.StartAgainAsync();
                    break;
                case 4: // two 500s: it now throttles
                    answer = new ReceiverReply(429, Headers: new Dictionary<string, string> { ["Retry-After"] = "7" });
                    break;
                case 5: // one 429: it recovers
                    answer = new ReceiverReply(200);
                    break;
            }
        });

        Assert.Equal(5, waits.Count);
        Assert.Equal(TimeSpan.FromSeconds(7), waits[4]);
        Assert.Equal(new SinkDrainResult("hooks", 9, 0, false), Assert.Single(await pass));

        // Exactly once, in queue order, in batches of three, every request signed.
        var keys = accepted.SelectMany(RecordingReceiver.Keys).ToList();
        Assert.Equal(queued.Select(e => e.Event.IdempotencyKey), keys);
        Assert.Equal([3, 3, 3], accepted.Select(r => RecordingReceiver.Keys(r).Count));
        Assert.All(receiver.Requests, r => Assert.True(Signature.Verify(r, Secret)));
        Assert.Equal(3, receiver.Requests.Count(r => !accepted.Contains(r))); // two 500s and one 429, all of the head batch
        Assert.All(findings, x => Assert.Contains(queued, e => e.Event.Finding?.FindingId == x.Id));

        var rows = await f.Store.ListOutboxAsync(null, null, None);
        Assert.All(rows, r => Assert.Equal(OutboxState.Delivered, r.State));
        Assert.Equal([6, 6, 6, 1, 1, 1, 1, 1, 1], rows.Select(r => r.Attempts));
        Assert.DoesNotContain(f.Log.Lines, l => l.Contains(Secret, StringComparison.Ordinal) || l.Contains("T0KEN", StringComparison.Ordinal));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_refused_event_is_dead_lettered_at_once_and_the_line_moves_on()
    {
        await using var f = await OutboxFixture.OpenAsync();
        await using var receiver = await RecordingReceiver.StartAsync();
        using var http = new HttpClient();
        var sink = new WebhookSink("hooks", OutboxFixture.Everything, receiver.Url, null, 1, http, TimeProvider.System);
        await f.StoreRunAsync(3, sink);
        var queued = await f.Store.ListOutboxAsync(null, null, None);
        var refused = queued[1].Event.IdempotencyKey;
        receiver.RespondAsync = r => Task.FromResult(new ReceiverReply(RecordingReceiver.Keys(r)[0] == refused ? 400 : 200));

        var pass = f.Dispatcher(Patient, sink).DrainAsync(None);
        var waits = await Drive.UntilDoneAsync(pass, f.Time);

        Assert.Empty(waits);
        Assert.Equal(new SinkDrainResult("hooks", 4, 1, false), Assert.Single(await pass));
        var dead = Assert.Single(await f.Store.ListOutboxAsync(OutboxState.Dead, "hooks", None));
        Assert.Equal((queued[1].Id, 1, "refused: HTTP 400"), (dead.Id, dead.Attempts, dead.LastError));
        Assert.Equal(queued.Select(e => e.Event.IdempotencyKey), receiver.Requests.SelectMany(RecordingReceiver.Keys));
        Assert.All(receiver.Requests, r => Assert.False(r.Headers.ContainsKey(WebhookSink.SignatureHeader)));
    }

    [Fact(Timeout = 120_000)]
    public async Task After_the_bounded_tries_a_batch_is_dead_and_retry_sends_it_again_with_the_same_keys()
    {
        await using var f = await OutboxFixture.OpenAsync();
        await using var receiver = await RecordingReceiver.StartAsync();
        using var http = new HttpClient();
        var sink = new WebhookSink("hooks", OutboxFixture.Everything, receiver.Url, null, 10, http, TimeProvider.System);
        await f.StoreRunAsync(2, sink);
        receiver.RespondAsync = _ => Task.FromResult(new ReceiverReply(503));

        var pass = f.Dispatcher(new DeliveryPolicy(3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)), sink).DrainAsync(None);
        var waits = await Drive.UntilDoneAsync(pass, f.Time);

        Assert.Equal(2, waits.Count);
        Assert.Equal(3, receiver.Requests.Count);
        var dead = await f.Store.ListOutboxAsync(OutboxState.Dead, null, None);
        Assert.Equal(4, dead.Count);
        Assert.All(dead, d => Assert.Equal((3, "gave up after 3 tries: HTTP 503"), (d.Attempts, d.LastError)));

        // A later pass does not try a dead letter; retry queues it again, with its tries reset.
        Assert.Equal(new SinkDrainResult("hooks", 0, 0, false), Assert.Single(await f.Dispatcher(Patient, sink).DrainAsync(None)));
        Assert.Equal(4, await f.Store.RetryDeadAsync("hooks", null, None));
        receiver.RespondAsync = _ => Task.FromResult(new ReceiverReply(204));
        Assert.Equal(new SinkDrainResult("hooks", 4, 0, false), Assert.Single(await f.Dispatcher(Patient, sink).DrainAsync(None)));
        Assert.Equal(RecordingReceiver.Keys(receiver.Requests[0]), RecordingReceiver.Keys(receiver.Requests[^1]));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_pass_stopped_while_the_receiver_holds_the_request_leaves_it_pending_and_the_next_pass_sends_the_same_keys()
    {
        await using var f = await OutboxFixture.OpenAsync();
        await using var receiver = await RecordingReceiver.StartAsync();
        using var http = new HttpClient();
        var sink = new WebhookSink("hooks", OutboxFixture.Everything, receiver.Url, null, 5, http, TimeProvider.System);
        await f.StoreRunAsync(2, sink);
        var held = new TaskCompletionSource();
        var arrived = new TaskCompletionSource();
        receiver.RespondAsync = async _ =>
        {
            arrived.TrySetResult();
            await held.Task;
            return new ReceiverReply(200);
        };

        using var stop = new CancellationTokenSource();
        var pass = f.Dispatcher(Patient, sink).DrainAsync(stop.Token);
        await arrived.Task;
        await stop.CancelAsync();
        Assert.True(Assert.Single(await pass).Stopped);
        held.SetResult();

        var pending = await f.Store.ListOutboxAsync(OutboxState.Pending, null, None);
        Assert.Equal(4, pending.Count);
        Assert.All(pending, p => Assert.Equal(1, p.Attempts));
        receiver.RespondAsync = _ => Task.FromResult(new ReceiverReply(200));
        Assert.Equal(4, Assert.Single(await f.Dispatcher(Patient, sink).DrainAsync(None)).Delivered);
        Assert.Equal(RecordingReceiver.Keys(receiver.Requests[0]), RecordingReceiver.Keys(receiver.Requests[1]));
        Assert.Equal(4, receiver.Requests.SelectMany(RecordingReceiver.Keys).Distinct().Count());
    }

    [Fact]
    public async Task A_secret_in_a_sink_error_is_redacted_from_the_dead_letter_and_the_log()
    {
        await using var f = await OutboxFixture.OpenAsync();
        var token = "tok-" + Guid.NewGuid().ToString("N");
        f.Redactor.Add("https://hooks.example.test/services/" + token);
        var sink = new LeakySink("leaky", token);
        await f.StoreRunAsync(1, sink);

        Assert.Equal(3, Assert.Single(await f.Dispatcher(Patient, sink).DrainAsync(None)).DeadLettered);

        var dead = await f.Store.ListOutboxAsync(OutboxState.Dead, null, None);
        Assert.All(dead, d => Assert.Equal("refused: InvalidOperationException: could not post to [redacted]", d.LastError));
        Assert.NotEmpty(f.Log.Lines);
        Assert.DoesNotContain(f.Log.Lines, l => l.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(dead, d => d.LastError!.Contains(token, StringComparison.Ordinal));
    }

    /// <summary>A sink whose failure quotes its secret URL, as a careless HTTP library might.</summary>
    private sealed class LeakySink(string name, string token) : IDeliverySink
    {
        public string Name => name;

        public SinkSubscription Subscription => OutboxFixture.Everything;

        public int MaxBatchSize => 1;

        public Task<SinkResponse> SendAsync(IReadOnlyList<DeliveryEvent> batch, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"could not post to https://hooks.example.test/services/{token}");
    }
}
