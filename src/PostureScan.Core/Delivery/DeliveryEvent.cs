using PostureScan.Core.Findings;

namespace PostureScan.Core.Delivery;

/// <summary>
/// The payload every sink carries, in the shape documented in docs/delivery.md. Exactly one of
/// <see cref="Finding"/>, <see cref="Summary"/> and <see cref="ScopeError"/> is set, by <see cref="Kind"/>.
/// <see cref="IdempotencyKey"/> is the same every time the same transition is sent, so a receiver that
/// sees it twice (a crash between send and mark) can drop the copy.
/// </summary>
public sealed record DeliveryEvent
{
    public required string IdempotencyKey { get; init; }

    public required DeliveryEventKind Kind { get; init; }

    public required string RunId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The finding's severity; for a summary, the highest active severity; for a scope error, High.</summary>
    public required Severity Severity { get; init; }

    public DeliveredFinding? Finding { get; init; }

    public DeliveredRunSummary? Summary { get; init; }

    public DeliveredScopeError? ScopeError { get; init; }
}

/// <summary>One finding as delivered. Every text member is adversary-controlled data: sinks escape it for their format.</summary>
public sealed record DeliveredFinding(
    string FindingId,
    string CheckId,
    string Title,
    Severity Severity,
    FindingStatus Status,
    string ResourceId,
    string Provider,
    string Account,
    string Region,
    string Message,
    string Technique,
    DeliveredAttribution? Attribution);

/// <summary>Who created the resource, from where and when, as far as the audit logs say.</summary>
public sealed record DeliveredAttribution(string State, string? Actor, string? SourceIp, DateTimeOffset? Time);

/// <summary>One run in numbers. <see cref="ActiveBySeverity"/> is keyed by the severity's lower-case name.</summary>
public sealed record DeliveredRunSummary(
    int Scopes,
    int ScopesFailed,
    int Sessions,
    IReadOnlyDictionary<string, int> ActiveBySeverity,
    int NewFindings,
    int ResolvedFindings,
    IReadOnlyList<DeliveredFinding> TopNewFindings,
    string? ReportPath);

/// <summary>A scope that failed, with the error as the scanner recorded it.</summary>
public sealed record DeliveredScopeError(string Provider, string Account, string Region, string Error);
