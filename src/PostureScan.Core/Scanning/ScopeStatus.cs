namespace PostureScan.Core.Scanning;

/// <summary>Whether a scope's inventory is complete.</summary>
public enum ScopeStatus
{
    Ok,
    Failed,
}
