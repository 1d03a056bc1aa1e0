namespace PostureScan.Core.Checks;

/// <summary>The type of a check's own setting in the policy file.</summary>
public enum SettingKind
{
    Number,
    Flag,
}
