namespace PostureScan.Reporting;

/// <summary>One run on the trend chart: its mirrors, failed scopes and active findings (null if not evaluated).</summary>
public sealed record RunPoint(string RunId, DateTimeOffset StartedAt, int Sessions, int FailedScopes, int? ActiveFindings);
