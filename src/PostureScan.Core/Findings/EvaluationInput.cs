using PostureScan.Core.Scanning;

namespace PostureScan.Core.Findings;

/// <summary>
/// Everything the checks read, already collected. <paramref name="Audit"/> is null when no audit source
/// was read, and <paramref name="CandidateSources"/> when candidate sources were not listed: the checks
/// that need them are then reported as not evaluated, never as passing. <paramref name="CandidateScopes"/>
/// holds the outcome of listing candidates per scope; a failed one turns coverage findings there into errors.
/// </summary>
public sealed record EvaluationInput(
    ScanRun Run,
    AuditEvidence? Audit = null,
    IReadOnlyList<CandidateSource>? CandidateSources = null,
    IReadOnlyList<ScopeResult>? CandidateScopes = null);
