namespace PostureScan.Core.Delivery;

/// <summary>What a delivered event reports. A sink subscribes to any subset.</summary>
public enum DeliveryEventKind
{
    /// <summary>A finding that was not failing in the previous evaluated run.</summary>
    NewFinding,

    /// <summary>A finding that failed in the previous evaluated run and passes now.</summary>
    ResolvedFinding,

    /// <summary>One per stored run: counts, the top new findings and where the report is.</summary>
    RunSummary,

    /// <summary>A scope (account and region, subscription, project, device) that could not be scanned.</summary>
    ScopeError,
}
