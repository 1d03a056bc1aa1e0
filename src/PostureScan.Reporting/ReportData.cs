using PostureScan.Core.Checks;
using PostureScan.Core.Drift;
using PostureScan.Core.Findings;
using PostureScan.Core.Scanning;

namespace PostureScan.Reporting;

/// <summary>
/// Everything a report or an export is written from: one run, its findings (when it was evaluated), the
/// drift from the run before it, the trend of recent runs, the attributions of its mirrors (null until the
/// audit logs have been read for it: outputs then say "not attributed yet"), and the checks' metadata
/// for rationale and remediation. <see cref="GeneratedAt"/> comes from the caller's TimeProvider.
/// </summary>
public sealed record ReportData(
    ScanRun Run,
    PolicyEvaluation? Evaluation,
    RunDrift? Drift,
    IReadOnlyList<RunPoint> History,
    IReadOnlyList<Core.Attribution.Attribution>? Attributions,
    IReadOnlyList<CheckMetadata> Checks,
    DateTimeOffset GeneratedAt);
