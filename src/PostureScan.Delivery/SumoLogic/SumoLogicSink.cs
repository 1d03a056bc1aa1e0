using System.Net.Http.Headers;
using System.Text.Json;
using PostureScan.Core.Delivery;
using PostureScan.Core.Serialization;
using PostureScan.Delivery.Http;

namespace PostureScan.Delivery.SumoLogic;

/// <summary>
/// Posts events to a Sumo Logic HTTP source as JSON lines: one <see cref="DeliveryEvent"/> per line, in
/// the project's JSON shape. A batch whose body would pass <see cref="SumoLogicSinkOptions.MaxBodyBytes"/>
/// goes as several requests in order; the first failure stops the batch and is the answer, so a retry
/// sends the whole batch again and the receiver drops copies by idempotency key.
/// </summary>
public sealed class SumoLogicSink : IDeliverySink
{
    private const string Kind = "Sumo Logic";

    private readonly SumoLogicSinkOptions _options;
    private readonly HttpSinkTransport _transport;

    public SumoLogicSink(SumoLogicSinkOptions options, HttpClient client, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        SinkOptionChecks.HttpUrl(options.Url, Kind, options.Name, nameof(options.Url));
        SinkOptionChecks.HeaderValue(options.Category, Kind, options.Name, nameof(options.Category));
        SinkOptionChecks.HeaderValue(options.SourceName, Kind, options.Name, nameof(options.SourceName));
        SinkOptionChecks.HeaderValue(options.SourceHost, Kind, options.Name, nameof(options.SourceHost));
        SinkOptionChecks.Range(options.MaxBatchSize, 1, 10_000, Kind, options.Name, nameof(options.MaxBatchSize));
        SinkOptionChecks.Range(options.MaxBodyBytes, 1024, 100_000_000, Kind, options.Name, nameof(options.MaxBodyBytes));
        _options = options;
        _transport = new HttpSinkTransport(client, time, Kind, options.Name, SinkSecrets.OfUrl(options.Url));
    }

    public string Name => _options.Name;

    public SinkSubscription Subscription => _options.Subscription;

    public int MaxBatchSize => _options.MaxBatchSize;

    public async Task<SinkResponse> SendAsync(IReadOnlyList<DeliveryEvent> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var lines = batch.Select(e => JsonSerializer.SerializeToUtf8Bytes(e, PostureJson.Options)).ToList();
        return await _transport.SendEachAsync(
            JsonLineChunks.Split(lines, _options.MaxBodyBytes),
            body =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, _options.Url)
                {
                    Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/x-ndjson") { CharSet = "utf-8" } } },
                };
                request.Headers.Add("X-Sumo-Category", _options.Category);
                request.Headers.Add("X-Sumo-Name", _options.SourceName);
                request.Headers.Add("X-Sumo-Host", _options.SourceHost);
                return request;
            },
            SumoLogicAnswer,
            cancellationToken).ConfigureAwait(false);
    }

    // Sumo Logic answers errors in free text that may quote the request: only the status is kept.
    private static (int, string?) SumoLogicAnswer(int status, string body) => (status, null);
}
