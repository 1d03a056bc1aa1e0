namespace PostureScan.Cli.Detect;

/// <summary>
/// One Sigma log source of the detection: where the operation name is in that log, and a fixed rule id.
/// A log without fields (device command accounting) is matched by <paramref name="Keywords"/> instead.
/// </summary>
internal sealed record SigmaLogSource(
    string Id,
    string Title,
    string Product,
    string Service,
    IReadOnlyDictionary<string, string> Conditions,
    string NameField,
    string Provider,
    IReadOnlyList<string>? Keywords = null);
