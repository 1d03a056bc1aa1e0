namespace PostureScan.Core.Delivery;

/// <summary>
/// What the store needs to queue a run's events: each sink's name and subscription, and the report path to
/// name in run summaries (when one is written to a known place).
/// </summary>
public sealed record OutboxRoute(IReadOnlyList<(string Sink, SinkSubscription Subscription)> Sinks, string? ReportPath = null)
{
    public static OutboxRoute For(IEnumerable<IDeliverySink> sinks, string? reportPath = null) =>
        new([.. sinks.Select(s => (s.Name, s.Subscription))], reportPath);
}
