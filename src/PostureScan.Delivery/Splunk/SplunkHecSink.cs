using System.Net.Http.Headers;
using System.Text.Json;
using PostureScan.Core.Delivery;
using PostureScan.Core.Serialization;
using PostureScan.Delivery.Http;

namespace PostureScan.Delivery.Splunk;

/// <summary>
/// Posts events to Splunk's HTTP Event Collector (services/collector/event) as concatenated HEC event
/// objects, one per line: {"time","host","source","sourcetype","index","event"}, the event being the
/// <see cref="DeliveryEvent"/> in the project's JSON shape. Splitting follows the Sumo Logic sink's rule.
/// </summary>
public sealed class SplunkHecSink : IDeliverySink
{
    private const string Kind = "Splunk HEC";

    private readonly SplunkHecSinkOptions _options;
    private readonly Uri _endpoint;
    private readonly HttpSinkTransport _transport;

    public SplunkHecSink(SplunkHecSinkOptions options, HttpClient client, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        SinkOptionChecks.HttpUrl(options.BaseUrl, Kind, options.Name, nameof(options.BaseUrl));
        SinkOptionChecks.HeaderValue(options.Token, Kind, options.Name, nameof(options.Token), secret: true);
        SinkOptionChecks.Range(options.MaxBatchSize, 1, 10_000, Kind, options.Name, nameof(options.MaxBatchSize));
        SinkOptionChecks.Range(options.MaxBodyBytes, 1024, 100_000_000, Kind, options.Name, nameof(options.MaxBodyBytes));
        _options = options;
        var baseUrl = options.BaseUrl.AbsoluteUri.EndsWith('/') ? options.BaseUrl : new Uri(options.BaseUrl.AbsoluteUri + "/");
        _endpoint = new Uri(baseUrl, "services/collector/event");
        _transport = new HttpSinkTransport(client, time, Kind, options.Name, SinkSecrets.OfToken(options.Token));
    }

    public string Name => _options.Name;

    public SinkSubscription Subscription => _options.Subscription;

    public int MaxBatchSize => _options.MaxBatchSize;

    public async Task<SinkResponse> SendAsync(IReadOnlyList<DeliveryEvent> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var lines = batch.Select(HecEvent).ToList();
        return await _transport.SendEachAsync(
            JsonLineChunks.Split(lines, _options.MaxBodyBytes),
            body =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
                {
                    Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Splunk", _options.Token);
                return request;
            },
            HecAnswer.Interpret,
            cancellationToken).ConfigureAwait(false);
    }

    private byte[] HecEvent(DeliveryEvent deliveryEvent)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            // Epoch seconds with milliseconds, the form HEC documents for "time".
            writer.WriteNumber("time", deliveryEvent.OccurredAt.ToUnixTimeMilliseconds() / 1000m);
            writer.WriteString("host", _options.Host);
            writer.WriteString("source", _options.Source);
            writer.WriteString("sourcetype", _options.SourceType);
            if (!string.IsNullOrEmpty(_options.Index))
            {
                writer.WriteString("index", _options.Index);
            }

            writer.WritePropertyName("event");
            JsonSerializer.Serialize(writer, deliveryEvent, PostureJson.Options);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
