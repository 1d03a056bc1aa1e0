namespace PostureScan.Validation;

/// <summary>One validation: when it ran, what was played, and every step checked.</summary>
internal sealed record ValidationReport(
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string Policy,
    IReadOnlyList<PlayedScenario> Scenarios,
    IReadOnlyList<StepResult> Steps,
    string? ScanRunId,
    long EmulatorReads,
    long RefusedWrites)
{
    public bool Passed => Steps.Count > 0 && Steps.All(s => s.Passed);
}
