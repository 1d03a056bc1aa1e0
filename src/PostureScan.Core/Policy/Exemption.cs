namespace PostureScan.Core.Policy;

/// <summary>
/// An accepted exception (the policy file's <c>exceptions</c>): a finding id, or a resource id optionally
/// narrowed to one check, with the reason, the owner who accepted it and the date it lapses. The date is
/// inclusive: <c>expires: 2027-01-31</c> suppresses through that whole day, UTC.
/// </summary>
public sealed record Exemption(
    string? FindingId,
    string? ResourceId,
    string? CheckId,
    string Reason,
    string Owner,
    DateOnly Expires)
{
    /// <summary>The first instant at which the exception no longer applies.</summary>
    public DateTimeOffset ExpiresAt => new(Expires.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>True when this exception names the finding, by its id or by its resource (and check, if given).</summary>
    public bool Covers(string findingId, string checkId, string resourceId) =>
        FindingId is not null
            ? string.Equals(FindingId, findingId, StringComparison.OrdinalIgnoreCase)
            : string.Equals(ResourceId, resourceId, StringComparison.OrdinalIgnoreCase)
              && (CheckId is null || string.Equals(CheckId, checkId, StringComparison.Ordinal));
}
