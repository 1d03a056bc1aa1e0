namespace PostureScan.Core.Findings;

/// <summary>Where a finding stands, computed against the previous evaluated run.</summary>
public enum FindingStatus
{
    /// <summary>Failing now, and not failing (or not known) in the previous run.</summary>
    New,

    /// <summary>Failing now and in the previous run.</summary>
    Open,

    /// <summary>Failing in the previous run, evaluated now and passing.</summary>
    Resolved,

    /// <summary>Failing now, but covered by an exception of the policy that has not expired.</summary>
    Suppressed,

    /// <summary>The check could not be evaluated for this resource (scope or audit source failed): never a pass.</summary>
    Error,
}
