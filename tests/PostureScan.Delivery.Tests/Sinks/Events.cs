using PostureScan.Core.Delivery;
using PostureScan.Core.Findings;
using PostureScan.TestKit;

namespace PostureScan.Delivery.Tests.Sinks;

/// <summary>Delivery events with every field filled; text fields can be made hostile.</summary>
internal static class Events
{
    public static DeliveredFinding Finding(string text = "web-1", Severity severity = Severity.High, int n = 0) => new(
        $"finding-{n}",
        $"aws-mirror-target-external {text}",
        $"Mirror sends to an unsanctioned collector {text}",
        severity,
        FindingStatus.New,
        $"tms-{n:D17} {text}",
        "aws",
        Some.Account,
        "eu-west-1",
        $"The session copies eni-1 to {text}",
        "T1020.001",
        new DeliveredAttribution("attributed", $"arn:aws:iam::111122223333:user/{text}", "203.0.113.7", Some.Time));

    public static DeliveryEvent NewFinding(int n, string text = "web-1", Severity severity = Severity.High) => new()
    {
        IdempotencyKey = $"run-1:finding-{n}:new",
        Kind = DeliveryEventKind.NewFinding,
        RunId = "20261127T020000Z-a1b2c3",
        OccurredAt = Some.Time.AddSeconds(n),
        Severity = severity,
        Finding = Finding(text, severity, n),
    };

    public static DeliveryEvent Summary(
        IReadOnlyList<DeliveredFinding>? top = null,
        int newFindings = 3,
        string runId = "20261127T020000Z-a1b2c3",
        string? reportPath = "/var/lib/posturescan/reports/latest.html") => new()
    {
        IdempotencyKey = $"{runId}:summary",
        Kind = DeliveryEventKind.RunSummary,
        RunId = runId,
        OccurredAt = Some.Time,
        Severity = Severity.Critical,
        Summary = new DeliveredRunSummary(
            12,
            1,
            14,
            new Dictionary<string, int> { ["critical"] = 1, ["high"] = 2, ["low"] = 4 },
            newFindings,
            1,
            top ?? [Finding("a", Severity.Critical, 1), Finding("b", Severity.High, 2), Finding("c", Severity.High, 3)],
            reportPath),
    };

    public static SinkSubscription All { get; } = new(Severity.Info, Enum.GetValues<DeliveryEventKind>().ToHashSet());

    public static SinkSubscription Summaries { get; } = new(Severity.Info, new HashSet<DeliveryEventKind> { DeliveryEventKind.RunSummary });
}
