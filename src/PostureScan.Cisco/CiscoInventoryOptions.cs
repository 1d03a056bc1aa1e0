namespace PostureScan.Cisco;

/// <summary>
/// Where the Cisco device files are: one file per device in <paramref name="Directory"/>, each a
/// running-config or show monitor output, recognised by content. <paramref name="DeviceNames"/> maps a
/// file name (<c>core-sw1.txt</c>) or the name found in a file (its hostname or prompt) to the device
/// name to report; without an entry the name in the file is used, else the file name.
/// </summary>
public sealed record CiscoInventoryOptions(string Directory, IReadOnlyDictionary<string, string>? DeviceNames = null)
{
    /// <summary>Files larger than this are refused: a running-config is a few megabytes at most.</summary>
    public long MaxFileBytes { get; init; } = 16L * 1024 * 1024;
}
