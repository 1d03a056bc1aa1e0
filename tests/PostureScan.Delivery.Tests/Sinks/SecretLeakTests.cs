using System.Net;
using System.Net.Sockets;
using PostureScan.Core.Delivery;
using PostureScan.Delivery.Slack;
using PostureScan.Delivery.Splunk;
using PostureScan.Delivery.SumoLogic;
using PostureScan.TestKit.Http;

namespace PostureScan.Delivery.Tests.Sinks;

/// <summary>
/// The credential of each sink (Sumo Logic's and Slack's URL path, Splunk's token) must not appear in any
/// text a failure produces: exception messages and their ToString, and the response's reason.
/// </summary>
public sealed class SecretLeakTests
{
    private const string SumoSecret = "SUMOSECRETc2VjcmV0LXN1bW8tdG9rZW4=";
    private const string SlackSecret = "SLACKSECRETxoxbT0B0abcdef";
    private const string SplunkSecret = "SPLUNKSECRET-1b2c-3d4e-5f6a7b8c9d0e";

    public static TheoryData<string> SinkKinds => new(["sumologic", "splunk", "slack"]);

    private static (IDeliverySink Sink, string Secret) Create(string kind, Uri baseAddress, HttpClient client) => kind switch
    {
        "sumologic" => (new SumoLogicSink(
            new SumoLogicSinkOptions { Name = "sumo", Url = new Uri(baseAddress, $"receiver/v1/http/{SumoSecret}"), Subscription = Events.All },
            client,
            TimeProvider.System), SumoSecret),
        "splunk" => (new SplunkHecSink(
            new SplunkHecSinkOptions { Name = "splunk", BaseUrl = baseAddress, Token = SplunkSecret, Subscription = Events.All },
            client,
            TimeProvider.System), SplunkSecret),
        "slack" => (new SlackSink(
            new SlackSinkOptions { Name = "slack", WebhookUrl = new Uri(baseAddress, $"services/T0/B0/{SlackSecret}"), Subscription = Events.Summaries },
            client,
            TimeProvider.System), SlackSecret),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static IReadOnlyList<DeliveryEvent> Batch(string kind) => kind == "slack" ? [Events.Summary()] : [Events.NewFinding(1)];

    private static void AssertNoSecret(string secret, string text)
    {
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        // Part of it (the distinctive prefix) is a leak too.
        Assert.DoesNotContain(secret[..10], text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SinkKinds))]
    public async Task Connection_refused(string kind)
    {
        int port;
        await using (var receiver = await RecordingReceiver.StartAsync())
        {
            port = receiver.Port;
        }

        using var client = new HttpClient();
        var (sink, secret) = Create(kind, new Uri($"http://127.0.0.1:{port}/"), client);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => sink.SendAsync(Batch(kind), CancellationToken.None));

        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
        Assert.Contains("could not connect", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{sink.Name}'", error.Message, StringComparison.Ordinal);
        AssertNoSecret(secret, error.ToString());
    }

    [Theory]
    [MemberData(nameof(SinkKinds))]
    public async Task Dns_failure(string kind)
    {
        using var client = new HttpClient();
        // .invalid never resolves (RFC 6761). The runtime's message names the host; ours must not carry
        // the runtime's message at all, since other failures quote more of the URL.
        var host = kind == "splunk" ? "hec.invalid" : "collectors.invalid";
        var (sink, secret) = Create(kind, new Uri($"http://{host}/"), client);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => sink.SendAsync(Batch(kind), CancellationToken.None));

        Assert.Equal(HttpRequestError.NameResolutionError, error.HttpRequestError);
        Assert.Contains("did not resolve", error.Message, StringComparison.Ordinal);
        AssertNoSecret(secret, error.ToString());
        Assert.DoesNotContain(host, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SinkKinds))]
    public async Task A_dropped_connection(string kind)
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        receiver.Respond = _ => ReceiverReply.Abort();
        using var client = new HttpClient();
        var (sink, secret) = Create(kind, receiver.BaseAddress, client);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => sink.SendAsync(Batch(kind), CancellationToken.None));

        AssertNoSecret(secret, error.ToString());
    }

    [Theory]
    [MemberData(nameof(SinkKinds))]
    public async Task No_answer_within_the_client_timeout(string kind)
    {
        // Accepts connections (the kernel's backlog does) and never answers.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        using var client = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };
        var (sink, secret) = Create(kind, new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/"), client);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => sink.SendAsync(Batch(kind), CancellationToken.None));

        AssertNoSecret(secret, error.ToString());
    }

    [Theory]
    [InlineData("sumologic", 401)]
    [InlineData("sumologic", 503)]
    [InlineData("splunk", 403)]
    [InlineData("splunk", 500)]
    [InlineData("slack", 400)]
    [InlineData("slack", 500)]
    public async Task A_receiver_that_echoes_the_request_in_its_error(string kind, int status)
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        // The worst receiver: it quotes the path and every header (the token) in its error body and headers.
        receiver.Respond = r => new ReceiverReply(
            status,
            $"{r.Path} {string.Join(' ', r.Headers.Select(h => $"{h.Key}: {h.Value}"))}",
            Headers: new Dictionary<string, string> { ["X-Echo"] = r.Path + " " + r.Header("Authorization") });
        using var client = new HttpClient();
        var (sink, secret) = Create(kind, receiver.BaseAddress, client);

        var response = await sink.SendAsync(Batch(kind), CancellationToken.None);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(secret, receiver.Requests[0].Path + receiver.Requests[0].Header("Authorization"), StringComparison.Ordinal);
        AssertNoSecret(secret, response.ToString());
        AssertNoSecret(secret, response.Reason ?? "");
    }
}
