using System.Net;
using System.Text;
using PostureScan.TestKit.Http;

namespace PostureScan.Delivery.Tests.Http;

public sealed class RecordingReceiverTests
{
    [Fact]
    public async Task Records_headers_and_body_and_plays_the_script_before_the_default()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        receiver.Script(ReceiverReply.Status(500), ReceiverReply.RetryAfter("7"));
        using var client = new HttpClient { BaseAddress = receiver.BaseAddress };

        var statuses = new List<HttpStatusCode>();
        string? retryAfter = null;
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"hook/{i}?q=1")
            {
                Content = new StringContent($"{{\"n\":{i}}}\n", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Test", $"value {i}");
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
            retryAfter ??= response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], statuses);
        Assert.Equal("7", retryAfter);
        var requests = receiver.Requests;
        Assert.Equal([1, 2, 3], requests.Select(r => r.Sequence));
        Assert.Equal("/hook/2", requests[2].Path);
        Assert.Equal("?q=1", requests[2].Query);
        Assert.Equal("value 2", requests[2].Header("x-test"));
        Assert.Equal(["{\"n\":2}"], requests[2].BodyLines());
    }

    [Fact]
    public async Task An_aborted_reply_is_a_transport_failure_for_the_client()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        receiver.Respond = _ => ReceiverReply.Abort();
        using var client = new HttpClient { BaseAddress = receiver.BaseAddress };

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync("x", new StringContent("body")));
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await receiver.WaitForRequestsAsync(1, bound.Token);
        Assert.Equal("body", Assert.Single(receiver.Requests).BodyText);
    }

    [Fact(Timeout = 120_000)]
    public async Task Stopped_it_refuses_then_listens_again_on_the_same_port_and_keeps_what_it_recorded()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        var port = receiver.Port;
        using var client = new HttpClient();
        (await client.PostAsync(receiver.Url, new StringContent("{\"events\":[{\"idempotencyKey\":\"k1\"}]}"))).Dispose();

        await receiver.StopAsync();
        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(receiver.Url, new StringContent("refused")));
        await receiver.StartAgainAsync();
        (await client.PostAsync(receiver.Url, new StringContent("{\"events\":[{\"idempotencyKey\":\"k2\"},{\"idempotencyKey\":\"k3\"}]}"))).Dispose();

        Assert.Equal(port, receiver.Port);
        Assert.Equal("/hook/T0KEN-IN-PATH", receiver.Requests[1].Path);
        Assert.Equal(["k1", "k2", "k3"], receiver.Requests.SelectMany(RecordingReceiver.Keys));
    }

    [Fact(Timeout = 120_000)]
    public async Task An_async_responder_holds_the_request_open_and_Received_fires_before_the_answer()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        var received = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource<ReceiverReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Received += r => received.TrySetResult(r);
        receiver.RespondAsync = _ => release.Task;
        using var client = new HttpClient { BaseAddress = receiver.BaseAddress };

        var sending = client.PostAsync("held", new StringContent("wait"));
        Assert.Equal("wait", (await received.Task).BodyText);
        Assert.False(sending.IsCompleted); // still held: the answer is not given yet
        release.SetResult(ReceiverReply.Status(204));

        using var response = await sending;
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
