namespace PostureScan.Core.Findings;

/// <summary>How bad a finding is, lowest first, so severities compare with &lt; and &gt;=.</summary>
public enum Severity
{
    Info,
    Low,
    Medium,
    High,
    Critical,
}
