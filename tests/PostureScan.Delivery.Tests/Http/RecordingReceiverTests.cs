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
}
