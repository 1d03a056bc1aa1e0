namespace PostureScan.Core.Attribution;

/// <summary>
/// Who created a mirror (or one of its parts), from where and when, and who changed it since.
/// <paramref name="Reason"/> says, in words, why the state is what it is (for unattributed states,
/// the log window that was searched).
/// </summary>
public sealed record Attribution(
    string ResourceId,
    AttributionState State,
    string? Actor,
    string? SourceIp,
    DateTimeOffset? CreatedAt,
    string? UserAgent,
    IReadOnlyList<string> EventIds,
    IReadOnlyList<AttributedChange> Changes,
    string? Reason);
