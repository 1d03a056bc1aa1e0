namespace PostureScan.Validation;

/// <summary>One checked expectation: what had to hold, what was seen, and whether it held.</summary>
internal sealed record StepResult(string Scenario, string Step, string Expected, string Observed, bool Passed);
