using PostureScan.Core.Inventory;

namespace PostureScan.Core.Findings;

/// <summary>
/// A mirror create or change call that the provider refused (CloudTrail errorCode, Azure status Failed,
/// GCP status code), as the audit readers normalise it.
/// </summary>
public sealed record FailedMirrorAttempt(
    Scope Scope,
    DateTimeOffset Time,
    string EventName,
    string? Actor,
    string? SourceIp,
    string? ErrorCode,
    string EventId);
