using System.Text.Json;
using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Ingestion;
using PostureScan.Core.Serialization;

namespace PostureScan.Storage.Rows;

/// <summary>An <c>audit_events</c> row.</summary>
internal sealed class AuditEventRow
{
    public string EventKey { get; init; } = "";

    public string Platform { get; init; } = "";

    public string Time { get; init; } = "";

    public string EventName { get; init; } = "";

    public string Action { get; init; } = "";

    public string Outcome { get; init; } = "";

    public string Actor { get; init; } = "";

    public string SourceIp { get; init; } = "";

    public string? Account { get; init; }

    public string? Region { get; init; }

    public string Source { get; init; } = "";

    public string FirstRunId { get; init; } = "";

    public string RecordJson { get; init; } = "";

    public static AuditEventRow From(string runId, StoredAuditEvent stored) => new()
    {
        EventKey = StoredText.Of(stored.Key),
        Platform = StoredEnum<AuditPlatform>.Name(stored.Event.Platform),
        Time = StoredTime.Format(stored.Event.Time),
        EventName = StoredText.Of(stored.Event.EventName),
        Action = StoredEnum<AuditAction>.Name(stored.Event.Action),
        Outcome = StoredEnum<AuditOutcome>.Name(stored.Event.Outcome),
        Actor = StoredText.Of(stored.Event.Actor),
        SourceIp = StoredText.Of(stored.Event.SourceIp),
        Account = StoredText.OfNullable(stored.Event.Scope),
        Region = StoredText.OfNullable(stored.Event.Region),
        Source = StoredText.Of(stored.Source),
        FirstRunId = runId,
        RecordJson = JsonSerializer.Serialize(stored.Event, PostureJson.Options),
    };

    public static AuditEvent ToEvent(string json) =>
        JsonSerializer.Deserialize<AuditEvent>(json, PostureJson.Options)
        ?? throw new InvalidDataException("An audit_events row holds no event.");
}
