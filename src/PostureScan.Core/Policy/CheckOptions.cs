using PostureScan.Core.Findings;

namespace PostureScan.Core.Policy;

/// <summary>
/// A check's settings from the policy's <c>checks</c> section: on or off, a severity override, and the
/// check's own settings (validated against the settings the check declares; values are long or bool).
/// </summary>
public sealed record CheckOptions(bool Enabled, Severity? Severity, IReadOnlyDictionary<string, object> Settings)
{
    public static CheckOptions Default { get; } = new(true, null, new Dictionary<string, object>());
}
