namespace PostureScan.Core.Checks;

/// <summary>What a check reads besides the inventory; a check whose input was not collected is not evaluated.</summary>
[Flags]
public enum CheckInputs
{
    Inventory = 0,

    /// <summary>Attributions, failed attempts and short-lived mirrors from the audit logs.</summary>
    Audit = 1,

    /// <summary>The candidate sources that coverage rules select from.</summary>
    CandidateSources = 2,
}
