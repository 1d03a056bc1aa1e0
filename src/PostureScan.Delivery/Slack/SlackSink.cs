using System.Net.Http.Headers;
using System.Text.Json;
using PostureScan.Core.Delivery;
using PostureScan.Delivery.Http;

namespace PostureScan.Delivery.Slack;

/// <summary>
/// Posts one compact message per run to a Slack incoming webhook: {"text": mrkdwn, "link_names": false,
/// "unfurl_links": false, "unfurl_media": false}. It takes run summaries only, one per request.
/// </summary>
public sealed class SlackSink : IDeliverySink
{
    private const string Kind = "Slack";

    private readonly SlackSinkOptions _options;
    private readonly HttpSinkTransport _transport;

    public SlackSink(SlackSinkOptions options, HttpClient client, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        SinkOptionChecks.HttpUrl(options.WebhookUrl, Kind, options.Name, nameof(options.WebhookUrl));
        SinkOptionChecks.Range(options.MaxFindings, 0, 50, Kind, options.Name, nameof(options.MaxFindings));
        SinkOptionChecks.Range(options.MaxTextLength, 1000, 40_000, Kind, options.Name, nameof(options.MaxTextLength));
        if (options.Subscription.Kinds.Any(k => k != DeliveryEventKind.RunSummary))
        {
            throw new ArgumentException($"Slack sink '{options.Name}': a Slack sink takes run summaries only (events: [runSummary]).");
        }

        _options = options;
        _transport = new HttpSinkTransport(client, time, Kind, options.Name, SinkSecrets.OfUrl(options.WebhookUrl));
    }

    public string Name => _options.Name;

    public SinkSubscription Subscription => _options.Subscription;

    public int MaxBatchSize => 1;

    public async Task<SinkResponse> SendAsync(IReadOnlyList<DeliveryEvent> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count != 1 || batch[0] is not { Kind: DeliveryEventKind.RunSummary, Summary: { } summary } summaryEvent)
        {
            throw new ArgumentException($"Slack sink '{Name}': send exactly one run summary per batch.", nameof(batch));
        }

        var text = SlackMessage.Compose(summaryEvent, summary, _options.MaxFindings, _options.MaxTextLength);
        var body = JsonSerializer.SerializeToUtf8Bytes(new SlackPayload(text));
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.WebhookUrl)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
        };
        return await _transport.SendAsync(request, SlackAnswer, cancellationToken).ConfigureAwait(false);
    }

    // Slack answers "ok" or a bare error code (invalid_payload, no_service, channel_is_archived).
    private static (int, string?) SlackAnswer(int status, string body) =>
        (status, status is >= 200 and < 300 ? null : ReceiverText.ErrorCode(body));
}
