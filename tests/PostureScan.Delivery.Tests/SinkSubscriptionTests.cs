using PostureScan.Core.Delivery;
using PostureScan.Core.Findings;

namespace PostureScan.Delivery.Tests;

public sealed class SinkSubscriptionTests
{
    private static readonly SinkSubscription HighFindingsAndSummaries =
        new(Severity.High, new HashSet<DeliveryEventKind> { DeliveryEventKind.NewFinding, DeliveryEventKind.RunSummary });

    [Theory]
    [InlineData(DeliveryEventKind.NewFinding, Severity.Critical, true)]
    [InlineData(DeliveryEventKind.NewFinding, Severity.High, true)]
    [InlineData(DeliveryEventKind.NewFinding, Severity.Medium, false)]
    [InlineData(DeliveryEventKind.ResolvedFinding, Severity.Critical, false)]
    [InlineData(DeliveryEventKind.RunSummary, Severity.Info, true)]
    [InlineData(DeliveryEventKind.ScopeError, Severity.High, false)]
    public void A_sink_takes_only_its_kinds_and_severities(DeliveryEventKind kind, Severity severity, bool expected)
    {
        var deliveryEvent = new DeliveryEvent
        {
            IdempotencyKey = "k",
            Kind = kind,
            RunId = "run",
            OccurredAt = DateTimeOffset.UnixEpoch,
            Severity = severity,
        };

        Assert.Equal(expected, HighFindingsAndSummaries.Accepts(deliveryEvent));
    }
}
