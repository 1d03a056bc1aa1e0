using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Gcp;

/// <summary>
/// Resolves the world's short references ("subnet-web", "us-central1-a/vm-1") into Compute paths
/// ("projects/P/regions/R/subnetworks/N") and the URLs Compute serves for them.
/// </summary>
internal static class GcpLinks
{
    /// <summary>The host and version Compute names resources with, whatever endpoint was called.</summary>
    public const string ComputeBase = "https://www.googleapis.com/compute/v1/";

    public static string Url(string path) => ComputeBase + path;

    public static string Network(string project, string reference) =>
        AsPath(reference) ?? $"projects/{project}/global/networks/{reference}";

    public static string Subnetwork(string project, string region, string reference) =>
        AsPath(reference) ?? $"projects/{project}/regions/{region}/subnetworks/{reference}";

    public static string ForwardingRule(string project, string region, string reference) =>
        AsPath(reference) ?? $"projects/{project}/regions/{region}/forwardingRules/{reference}";

    /// <summary>"ZONE/NAME", a path, or the name of an instance of the region (its zone looked up).</summary>
    public static string Instance(string project, GcpRegion region, string reference)
    {
        if (AsPath(reference) is { } path)
        {
            return path;
        }

        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        var zone = slash > 0
            ? reference[..slash]
            : region.Instances.FirstOrDefault(i => i.Name == reference)?.Zone ?? region.Name + "-a";
        return $"projects/{project}/zones/{zone}/instances/{reference[(slash + 1)..]}";
    }

    public static string Region(string project, string region) => $"projects/{project}/regions/{region}";

    public static string Zone(string project, string zone) => $"projects/{project}/zones/{zone}";

    /// <summary>
    /// Compute's canonicalUrl: networks and subnetworks by numeric id, other resources as their URL
    /// (as recorded responses show).
    /// </summary>
    public static string Canonical(string path)
    {
        var segments = path.Split('/');
        var collection = segments.Length >= 2 ? segments[^2] : "";
        return collection is "networks" or "subnetworks"
            ? Url(string.Join('/', segments[..^1]) + "/" + GcpIds.For(path))
            : Url(path);
    }

    private static string? AsPath(string reference)
    {
        var at = reference.IndexOf("projects/", StringComparison.Ordinal);
        return at >= 0 ? reference[at..] : null;
    }
}
