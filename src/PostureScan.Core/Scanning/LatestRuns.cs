using PostureScan.Core.Findings;

namespace PostureScan.Core.Scanning;

/// <summary>
/// The store's latest runs in a few numbers, read cheaply enough to ask on every metrics scrape: when the
/// latest run finished, when the latest run without a failed scope finished (null before there is one), and
/// the active findings of the latest evaluated run by severity, every severity present.
/// </summary>
public sealed record LatestRuns(
    DateTimeOffset? LastRunFinishedAt,
    DateTimeOffset? LastCompleteRunFinishedAt,
    IReadOnlyDictionary<Severity, int> ActiveFindings);
