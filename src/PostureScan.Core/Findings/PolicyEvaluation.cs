namespace PostureScan.Core.Findings;

/// <summary>The findings of one run under one policy, and the checks that could not be evaluated.</summary>
public sealed record PolicyEvaluation(
    string RunId,
    string Policy,
    DateTimeOffset EvaluatedAt,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<UnevaluatedCheck> NotEvaluated)
{
    /// <summary>Active (new or open, not suppressed) findings per severity, every severity present.</summary>
    public IReadOnlyDictionary<Severity, int> ActiveBySeverity() =>
        Enum.GetValues<Severity>().ToDictionary(s => s, s => Findings.Count(f => f.IsActive && f.Severity == s));

    /// <summary>True when an active finding has at least <paramref name="threshold"/> severity.</summary>
    public int ActiveAtOrAbove(Severity threshold) => Findings.Count(f => f.IsActive && f.Severity >= threshold);
}
