namespace PostureScan.Core.Attribution;

/// <summary>
/// One spelling per resource id, so the inventory's id and the logged id meet: compared without case
/// (Azure exports upper-case resource ids), and GCP self links reduced to the <c>projects/...</c> name
/// that audit logs use. The prefixes are data.
/// </summary>
internal static class ResourceKeys
{
    private static readonly string[] DroppedPrefixes =
    [
        "https://www.googleapis.com/compute/v1/",
        "https://www.googleapis.com/compute/beta/",
        "https://compute.googleapis.com/compute/v1/",
        "//compute.googleapis.com/",
    ];

    /// <summary>Markers of resource ids that name a whole mirror (not a part), by provider.</summary>
    private static readonly (string Marker, bool Prefix)[] SessionMarkers =
    [
        ("tms-", true),
        ("/tapconfigurations/", false),
        ("/packetmirrorings/", false),
        ("/session/", false),
    ];

    public static string Of(string id)
    {
        var key = id.Trim().TrimEnd('/').ToLowerInvariant();
        foreach (var prefix in DroppedPrefixes)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                return key[prefix.Length..];
            }
        }

        return key;
    }

    public static bool IsSession(string id)
    {
        var key = Of(id);
        return SessionMarkers.Any(m => m.Prefix ? key.StartsWith(m.Marker, StringComparison.Ordinal) : key.Contains(m.Marker, StringComparison.Ordinal));
    }
}
