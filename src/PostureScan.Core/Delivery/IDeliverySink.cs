namespace PostureScan.Core.Delivery;

/// <summary>
/// One configured destination (Sumo Logic, Splunk HEC, webhook, Slack). A sink only formats and sends;
/// retries, backoff, dead-lettering and marking delivered belong to the outbox dispatcher, so every sink
/// gets the same reliability. A transport failure is thrown (<see cref="HttpRequestException"/>,
/// timeouts); an HTTP answer is returned. Neither may carry a token or a secret URL in its text.
/// </summary>
public interface IDeliverySink
{
    /// <summary>The name from configuration: the outbox's key for this sink.</summary>
    string Name { get; }

    /// <summary>Which events this sink wants, decided when events are queued.</summary>
    SinkSubscription Subscription { get; }

    /// <summary>The most events one request carries (1 for a sink that sends one event per request).</summary>
    int MaxBatchSize { get; }

    Task<SinkResponse> SendAsync(IReadOnlyList<DeliveryEvent> batch, CancellationToken cancellationToken);
}
