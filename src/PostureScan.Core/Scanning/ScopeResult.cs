using PostureScan.Core.Inventory;

namespace PostureScan.Core.Scanning;

/// <summary>The outcome of collecting one scope: ok, or failed with a kind and a message.</summary>
public sealed record ScopeResult(
    Scope Scope,
    ScopeStatus Status,
    ScopeErrorKind? ErrorKind,
    string? Error,
    int ApiCalls,
    TimeSpan Duration)
{
    public static ScopeResult Ok(Scope scope, int apiCalls, TimeSpan duration) =>
        new(scope, ScopeStatus.Ok, null, null, apiCalls, duration);

    public static ScopeResult Failed(Scope scope, ScopeErrorKind kind, string error, int apiCalls, TimeSpan duration) =>
        new(scope, ScopeStatus.Failed, kind, error, apiCalls, duration);
}
