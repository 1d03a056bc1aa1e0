namespace PostureScan.Core.Drift;

/// <summary>How a mirror changed between two runs.</summary>
public enum DriftKind
{
    /// <summary>The mirror exists in the later run only.</summary>
    Added,

    /// <summary>The mirror exists in the earlier run only.</summary>
    Removed,

    /// <summary>The packets go somewhere else: target id, receiving resource or address changed.</summary>
    Retargeted,

    /// <summary>Which traffic is copied changed: filter, its rules or services, direction or packet length.</summary>
    Refiltered,

    /// <summary>The mirror was switched on.</summary>
    Enabled,

    /// <summary>The mirror was switched off.</summary>
    Disabled,

    /// <summary>The audit logs now tell a different story of who created or changed the mirror.</summary>
    Reattributed,

    /// <summary>
    /// A call on the mirror was refused since the earlier run (denied, a dry run, throttled, a failed status, a
    /// rejected command): nothing changed, but someone tried.
    /// </summary>
    Attempted,
}
