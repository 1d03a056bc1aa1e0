namespace PostureScan.Core.Checks;

/// <summary>
/// A setting a check takes under <c>checks.&lt;id&gt;</c> in the policy: its name, type, default (a long
/// or a bool), the smallest allowed integer, and what it does. The loader and the JSON schema follow it.
/// </summary>
public sealed record CheckSetting(string Name, SettingKind Kind, object Default, string Description, long Minimum = 0);
