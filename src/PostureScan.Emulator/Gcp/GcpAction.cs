namespace PostureScan.Emulator.Gcp;

/// <summary>
/// One served read: its method name (for counters and logs), the IAM permission a denied caller is
/// told it lacks, and the OAuth scopes that reach it.
/// </summary>
internal sealed record GcpAction(string Name, string Permission, IReadOnlySet<string> Scopes)
{
    private const string Auth = "https://www.googleapis.com/auth/";

    public static IReadOnlySet<string> ComputeScopes { get; } = new HashSet<string>(
        [Auth + "compute.readonly", Auth + "compute", Auth + "cloud-platform", Auth + "cloud-platform.read-only"], StringComparer.Ordinal);

    public static IReadOnlySet<string> ResourceManagerScopes { get; } = new HashSet<string>(
        [Auth + "cloud-platform", Auth + "cloud-platform.read-only", Auth + "cloudplatformprojects.readonly", Auth + "cloudplatformprojects"], StringComparer.Ordinal);
}
