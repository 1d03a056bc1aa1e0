using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;

namespace PostureScan.Storage.Rows;

/// <summary>A <c>scope_results</c> row.</summary>
internal sealed class ScopeRow
{
    public string RunId { get; init; } = "";

    public long Seq { get; init; }

    public string Provider { get; init; } = "";

    public string Account { get; init; } = "";

    public string Region { get; init; } = "";

    public string Status { get; init; } = "";

    public string? ErrorKind { get; init; }

    public string? Error { get; init; }

    public long ApiCalls { get; init; }

    public double DurationMs { get; init; }

    public static ScopeRow From(string runId, int seq, ScopeResult result) => new()
    {
        RunId = runId,
        Seq = seq,
        Provider = StoredText.Of(result.Scope.Provider),
        Account = StoredText.Of(result.Scope.Account),
        Region = StoredText.Of(result.Scope.Region),
        Status = StoredEnum<ScopeStatus>.Name(result.Status),
        ErrorKind = StoredEnum<ScopeErrorKind>.Name(result.ErrorKind),
        Error = StoredText.OfNullable(result.Error),
        ApiCalls = result.ApiCalls,
        DurationMs = StoredTime.Milliseconds(result.Duration),
    };

    public ScopeResult ToResult() => new(
        new Scope(Provider, Account, Region),
        StoredEnum<ScopeStatus>.Parse(Status),
        StoredEnum<ScopeErrorKind>.ParseOrNull(ErrorKind),
        Error,
        checked((int)ApiCalls),
        StoredTime.Duration(DurationMs));
}
