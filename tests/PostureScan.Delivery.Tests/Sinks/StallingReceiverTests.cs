using System.Net;
using System.Net.Sockets;
using System.Text;
using PostureScan.Delivery.SumoLogic;

namespace PostureScan.Delivery.Tests.Sinks;

public sealed class StallingReceiverTests
{
    /// <summary>
    /// A receiver that sends its status line and then trickles nothing of the body it announced: the sink
    /// returns the status once the client's timeout passes, instead of holding the outbox forever.
    /// </summary>
    [Fact(Timeout = 60_000)]
    public async Task An_error_body_that_never_ends_still_gives_an_answer()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var release = new CancellationTokenSource();
        var serve = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            var buffer = new byte[64 * 1024];
            var seen = new StringBuilder();
            while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var n = await socket.ReceiveAsync(buffer, SocketFlags.None);
                seen.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }

            await socket.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 100000\r\nRetry-After: 4\r\n\r\nstart of a long"), SocketFlags.None);
            await Task.Delay(Timeout.Infinite, release.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        // Long enough for the status line to arrive on a loaded machine; the body then waits it out once.
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        var sink = new SumoLogicSink(
            new SumoLogicSinkOptions { Name = "sumo", Url = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/receiver/v1/http/t"), Subscription = Events.All },
            client,
            TimeProvider.System);

        var response = await sink.SendAsync([Events.NewFinding(1)], CancellationToken.None);

        Assert.Equal(500, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(4), response.RetryAfter);
        await release.CancelAsync();
        await serve;
    }
}
