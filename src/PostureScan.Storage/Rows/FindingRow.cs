using System.Text.Json;
using PostureScan.Core.Findings;
using PostureScan.Core.Serialization;

namespace PostureScan.Storage.Rows;

/// <summary>A <c>findings</c> row. <see cref="RecordJson"/> is the source of truth on reload.</summary>
internal sealed class FindingRow
{
    public string RunId { get; init; } = "";

    public long Seq { get; init; }

    public string Id { get; init; } = "";

    public string CheckId { get; init; } = "";

    public string Severity { get; init; } = "";

    public string Status { get; init; } = "";

    public string ResourceId { get; init; } = "";

    public string Provider { get; init; } = "";

    public string Account { get; init; } = "";

    public string Region { get; init; } = "";

    public string FirstSeen { get; init; } = "";

    public string LastSeen { get; init; } = "";

    public string RecordJson { get; init; } = "";

    public static FindingRow From(string runId, int seq, Finding finding) => new()
    {
        RunId = runId,
        Seq = seq,
        Id = StoredText.Of(finding.Id),
        CheckId = StoredText.Of(finding.CheckId),
        Severity = StoredEnum<Severity>.Name(finding.Severity),
        Status = StoredEnum<FindingStatus>.Name(finding.Status),
        ResourceId = StoredText.Of(finding.ResourceId),
        Provider = StoredText.Of(finding.Scope.Provider),
        Account = StoredText.Of(finding.Scope.Account),
        Region = StoredText.Of(finding.Scope.Region),
        FirstSeen = StoredTime.Format(finding.FirstSeen),
        LastSeen = StoredTime.Format(finding.LastSeen),
        RecordJson = JsonSerializer.Serialize(finding, PostureJson.Options),
    };

    public static Finding ToFinding(string recordJson) =>
        JsonSerializer.Deserialize<Finding>(recordJson, PostureJson.Options)
        ?? throw new InvalidDataException("A stored finding is empty.");
}
