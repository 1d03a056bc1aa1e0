namespace PostureScan.Core.Attribution;

/// <summary>How far the audit logs answer "who made this mirror, from where, and when".</summary>
public enum AttributionState
{
    /// <summary>The create event was found.</summary>
    Attributed,

    /// <summary>The resource is older than the oldest event read: the logs cannot say.</summary>
    UnattributedBeyondRetention,

    /// <summary>The log window covers the resource's creation, yet no create event was found.</summary>
    UnattributedMissing,

    /// <summary>The audit source for the scope could not be read, so nothing can be said.</summary>
    Unknown,
}
