namespace PostureScan.Core.Attribution;

/// <summary>One audit event that created, modified or deleted a mirror or one of its parts.</summary>
public sealed record AttributedChange(
    DateTimeOffset Time,
    string EventName,
    string Action,
    string Outcome,
    string? Actor,
    string? SourceIp,
    string EventId);
