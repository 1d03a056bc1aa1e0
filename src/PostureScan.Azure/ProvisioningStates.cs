namespace PostureScan.Azure;

/// <summary>
/// Whether a vTAP in a provisioning state mirrors packets. Unknown states (including the "Succeded"
/// misspelling of the specification's examples) count as mirroring: a posture scan must not hide one.
/// </summary>
internal static class ProvisioningStates
{
    private static readonly Dictionary<string, bool> Mirrors = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Succeeded"] = true,
        ["Updating"] = true,
        ["Creating"] = true,
        ["Deleting"] = false,
        ["Failed"] = false,
        ["Canceled"] = false,
    };

    public static bool IsMirroring(string? state) => state is null || Mirrors.GetValueOrDefault(state, true);
}
