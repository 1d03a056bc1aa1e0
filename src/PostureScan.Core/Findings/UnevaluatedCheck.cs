namespace PostureScan.Core.Findings;

/// <summary>A check that could not run at all in this evaluation, and why (its input was not collected).</summary>
public sealed record UnevaluatedCheck(string CheckId, string Reason);
