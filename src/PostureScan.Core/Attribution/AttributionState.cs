namespace PostureScan.Core.Attribution;

/// <summary>
/// How far the audit logs answer "who made this mirror, from where, and when". Users read the names of
/// <see cref="AttributionStateNames"/>; the store keeps the camelCase member names (see <see cref="AttributionStateJsonConverter"/>).
/// </summary>
public enum AttributionState
{
    /// <summary>The create event was found.</summary>
    Attributed,

    /// <summary>The resource is older than the oldest event read: the logs cannot say.</summary>
    UnattributedBeyondRetention,

    /// <summary>The log window covers the resource's creation, yet no create event was found.</summary>
    UnattributedMissing,

    /// <summary>
    /// No audit source could answer for the scope (it failed, none covers it, or its newest event predates
    /// the resource), so nothing can be said. Runs stored before this name read the stored "unknown" as this.
    /// </summary>
    SourceUnavailable,
}
