namespace PostureScan.Core.Policy;

/// <summary>
/// Tag matching shared by collectors, sensitive sources and coverage: every pair of the selector must be
/// present; a value of <c>*</c> means "any value". Keys compare exactly (cloud tag keys are case-sensitive
/// in AWS and GCP labels are lower case); values too.
/// </summary>
internal static class TagSelector
{
    public const string AnyValue = "*";

    public static bool Matches(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> tags) =>
        selector.Count > 0
        && selector.All(pair => tags.TryGetValue(pair.Key, out var value)
            && (pair.Value == AnyValue || string.Equals(pair.Value, value, StringComparison.Ordinal)));
}
