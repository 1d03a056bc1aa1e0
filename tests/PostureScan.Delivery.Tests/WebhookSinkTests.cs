using System.Text.Json;
using PostureScan.Core.Attribution;
using PostureScan.Core.Delivery;
using PostureScan.Core.Findings;
using PostureScan.Delivery.Tests.Support;
using PostureScan.Delivery.Webhook;
using PostureScan.TestKit;
using PostureScan.TestKit.Http;

namespace PostureScan.Delivery.Tests;

/// <summary>The webhook's request as a receiver on loopback sees it: headers, body shape, signature.</summary>
public sealed class WebhookSinkTests
{
    private const string Secret = "shared-SECRET-for-hmac";

    [Fact]
    public async Task A_signed_post_carries_the_documented_event_shape_and_a_signature_the_receiver_verifies()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        using var http = new HttpClient();
        var sink = new WebhookSink("hooks", OutboxFixture.Everything, receiver.Url, Secret, 20, http, TimeProvider.System);
        var events = Events(Hostile.Strings[4]);

        var response = await sink.SendAsync(events, CancellationToken.None);

        Assert.True(response.Succeeded);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal(("POST", "/hook/T0KEN-IN-PATH"), (request.Method, request.Path));
        Assert.Equal("application/json; charset=utf-8", request.Headers["Content-Type"]);
        Assert.True(Signature.Verify(request, Secret));
        Assert.False(Signature.Verify(request, Secret + "x"));
        Assert.Equal(WebhookSink.Sign(System.Text.Encoding.UTF8.GetBytes(Secret), request.Body), request.Headers[WebhookSink.SignatureHeader]);

        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("posturescan", json.RootElement.GetProperty("source").GetString());
        var items = json.RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(events.Select(e => e.IdempotencyKey), items.Select(i => i.GetProperty("idempotencyKey").GetString()));
        var finding = items.Single(i => i.GetProperty("kind").GetString() == "newFinding");
        Assert.Equal("critical", finding.GetProperty("severity").GetString());
        var body = finding.GetProperty("finding");
        Assert.Equal("T1020.001", body.GetProperty("technique").GetString());
        Assert.Equal(Hostile.Strings[4], body.GetProperty("resourceId").GetString());
        Assert.Equal("unapproved-destination", body.GetProperty("checkId").GetString());
        var attribution = body.GetProperty("attribution");
        Assert.Equal(("attributed", "arn:aws:iam::111122223333:user/mallory", "203.0.113.9"), (
            attribution.GetProperty("state").GetString(), attribution.GetProperty("actor").GetString(), attribution.GetProperty("sourceIp").GetString()));
        Assert.Equal(Some.Time.AddDays(-3), attribution.GetProperty("time").GetDateTimeOffset());
        var summary = items.Single(i => i.GetProperty("kind").GetString() == "runSummary").GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("newFindings").GetInt32());
        Assert.Equal(1, summary.GetProperty("activeBySeverity").GetProperty("critical").GetInt32());
    }

    [Fact]
    public async Task Without_a_secret_there_is_no_signature_and_an_error_answer_is_returned_with_its_Retry_After()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        receiver.RespondAsync = _ => Task.FromResult(new ReceiverReply(429, Headers: new Dictionary<string, string> { ["Retry-After"] = "12" }));
        using var http = new HttpClient();
        var sink = new WebhookSink("hooks", OutboxFixture.Everything, receiver.Url, null, 20, http, TimeProvider.System);

        var response = await sink.SendAsync(Events("tms-1"), CancellationToken.None);

        Assert.Equal(new SinkResponse(429, TimeSpan.FromSeconds(12), "HTTP 429"), response);
        Assert.False(Assert.Single(receiver.Requests).Headers.ContainsKey(WebhookSink.SignatureHeader));
    }

    [Fact]
    public async Task A_receiver_that_cannot_be_reached_is_named_as_the_sink_without_its_url()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var http = new HttpClient();
        var url = new Uri($"http://127.0.0.1:{port}/hook/T0KEN-IN-PATH?key=QUERY-SECRET");
        var sink = new WebhookSink("hooks", OutboxFixture.Everything, url, null, 20, http, TimeProvider.System);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => sink.SendAsync(Events("tms-1"), CancellationToken.None));

        Assert.StartsWith("Webhook sink 'hooks': could not connect", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("T0KEN-IN-PATH", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("QUERY-SECRET", error.ToString(), StringComparison.Ordinal);
    }

    private static IReadOnlyList<DeliveryEvent> Events(string resourceId)
    {
        var run = Some.Run(scopes: [Some.ScopeOk()]);
        var finding = Some.Finding(resourceId, severity: Severity.Critical);
        var attribution = Some.Attribution(resourceId, actor: "arn:aws:iam::111122223333:user/mallory", sourceIp: "203.0.113.9");
        var report = new AttributionReport([new SessionAttribution(resourceId, Some.Scope(), [new AttributedPart("session", attribution)])], [], [], []);
        return DeliveryEventBuilder.Build(run, Some.Evaluation(run, finding), report, null);
    }
}
