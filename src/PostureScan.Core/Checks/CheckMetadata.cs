using PostureScan.Core.Findings;

namespace PostureScan.Core.Checks;

/// <summary>
/// What a check is, as data: id (as written in policies and findings), title, default severity, why it
/// matters, how to fix it per provider, the ATT&amp;CK technique, the read permissions its inputs need per
/// provider, the inputs it reads and the settings it takes.
/// </summary>
public sealed record CheckMetadata(
    string Id,
    string Title,
    Severity Severity,
    string Rationale,
    IReadOnlyDictionary<string, string> Remediation,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Permissions,
    CheckInputs Inputs,
    IReadOnlyList<CheckSetting> Settings,
    string Mitre = CheckMetadata.TrafficDuplication)
{
    /// <summary>MITRE ATT&amp;CK T1020.001, Automated Exfiltration: Traffic Duplication.</summary>
    public const string TrafficDuplication = "T1020.001";
}
