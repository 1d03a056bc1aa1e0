using PostureScan.Core.Findings;

namespace PostureScan.Validation;

/// <summary>A check that must report <paramref name="ResourceId"/>, active, at <paramref name="Severity"/>.</summary>
internal sealed record ExpectedFinding(string CheckId, string ResourceId, Severity Severity);
