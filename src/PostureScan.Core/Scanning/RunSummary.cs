namespace PostureScan.Core.Scanning;

/// <summary>A run as listed: when, how many scopes failed, how many sessions.</summary>
public sealed record RunSummary(
    string Id,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    int Scopes,
    int FailedScopes,
    int Sessions);
