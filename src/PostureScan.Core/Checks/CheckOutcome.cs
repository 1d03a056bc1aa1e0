namespace PostureScan.Core.Checks;

/// <summary>A check's verdict on a resource it reports.</summary>
public enum CheckOutcome
{
    Fail,

    /// <summary>The inputs for this resource failed (audit source down, attribution unknown).</summary>
    Error,
}
