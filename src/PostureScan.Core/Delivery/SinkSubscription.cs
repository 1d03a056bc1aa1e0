using PostureScan.Core.Findings;

namespace PostureScan.Core.Delivery;

/// <summary>A sink's filter: the event kinds it takes and the lowest severity of finding it takes.</summary>
public sealed record SinkSubscription(Severity MinimumSeverity, IReadOnlySet<DeliveryEventKind> Kinds)
{
    /// <summary>
    /// Run summaries are not filtered by severity: a quiet run's summary is still news.
    /// </summary>
    public bool Accepts(DeliveryEvent deliveryEvent) =>
        Kinds.Contains(deliveryEvent.Kind)
        && (deliveryEvent.Kind == DeliveryEventKind.RunSummary || deliveryEvent.Severity >= MinimumSeverity);
}
