using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Ingestion;
using PostureScan.Core.Inventory;

namespace PostureScan.Storage.Rows;

/// <summary>An <c>audit_source_runs</c> row.</summary>
internal sealed class SourceRunRow
{
    public string RunId { get; init; } = "";

    public long Seq { get; init; }

    public string Source { get; init; } = "";

    public string? Provider { get; init; }

    public string? Account { get; init; }

    public string? Region { get; init; }

    public string Status { get; init; } = "";

    public string? FailureKind { get; init; }

    public string? Failure { get; init; }

    public string? WindowStart { get; init; }

    public string? WindowEnd { get; init; }

    public long Records { get; init; }

    public long Matched { get; init; }

    public long Malformed { get; init; }

    public long Stored { get; init; }

    public static SourceRunRow From(string runId, int seq, AuditSourceStatus status) => new()
    {
        RunId = runId,
        Seq = seq,
        Source = StoredText.Of(status.Source),
        Provider = StoredText.OfNullable(status.Scope?.Provider),
        Account = StoredText.OfNullable(status.Scope?.Account),
        Region = StoredText.OfNullable(status.Scope?.Region),
        Status = status.Succeeded ? "ok" : "failed",
        FailureKind = StoredEnum<AuditSourceFailureKind>.Name(status.Failure?.Kind),
        Failure = StoredText.OfNullable(status.Failure?.Message),
        WindowStart = status.Window is { } w ? StoredTime.Format(w.Oldest) : null,
        WindowEnd = status.Window is { } v ? StoredTime.Format(v.Newest) : null,
        Records = status.Records,
        Matched = status.Matched,
        Malformed = status.Malformed,
        Stored = status.Stored,
    };

    public AuditSourceStatus ToStatus() => new(
        Source,
        Provider is null ? null : new Scope(Provider, Account ?? "", Region ?? ""),
        WindowStart is null || WindowEnd is null ? null : new AuditWindow(StoredTime.Parse(WindowStart), StoredTime.Parse(WindowEnd)),
        Records,
        Matched,
        Malformed,
        Stored,
        FailureKind is null ? null : new AuditSourceFailure(StoredEnum<AuditSourceFailureKind>.Parse(FailureKind), Failure ?? ""));
}
