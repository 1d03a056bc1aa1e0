using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using PostureScan.Core.Delivery;
using PostureScan.Delivery.Http;

namespace PostureScan.Delivery.Webhook;

/// <summary>
/// A generic JSON webhook: POST of <c>{"source":"posturescan","events":[...]}</c>, each event carrying its
/// idempotency key. With a shared secret, the request carries
/// <c>X-PostureScan-Signature: sha256=&lt;lower-case hex HMAC-SHA256 of the exact body bytes&gt;</c>.
/// </summary>
public sealed class WebhookSink : IDeliverySink
{
    public const string SignatureHeader = "X-PostureScan-Signature";

    public const int DefaultBatchSize = 20;

    private const string Kind = "Webhook";

    private readonly Uri url;
    private readonly byte[]? key;
    private readonly HttpSinkTransport transport;

    public WebhookSink(string name, SinkSubscription subscription, Uri url, string? secret, int maxBatchSize, HttpClient http, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(url);
        Name = name;
        Subscription = subscription;
        this.url = url;
        key = secret is null ? null : System.Text.Encoding.UTF8.GetBytes(secret);
        MaxBatchSize = maxBatchSize;
        // The same transport as the vendor sinks: a failure names the sink and its kind, never the URL, whose
        // query may carry the receiver's token; the answer's body is read bounded and only for its reason.
        transport = new HttpSinkTransport(http, time, Kind, name, SinkSecrets.OfUrl(url));
    }

    public string Name { get; }

    public SinkSubscription Subscription { get; }

    public int MaxBatchSize { get; }

    public async Task<SinkResponse> SendAsync(IReadOnlyList<DeliveryEvent> batch, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new WebhookBody("posturescan", batch), DeliveryJson.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(SignatureHeader, Sign(key, body));
        }

        return await transport.SendAsync(request, interpret: null, cancellationToken);
    }

    /// <summary>The signature header's value for <paramref name="body"/>: what a receiver recomputes and compares.</summary>
    public static string Sign(byte[] key, byte[] body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, body));

    private sealed record WebhookBody(string Source, IReadOnlyList<DeliveryEvent> Events);
}
