using PostureScan.Core.Inventory;

namespace PostureScan.Core.Findings;

/// <summary>
/// How a mirrored source and a candidate meet: by id, except that a GCP network tag only means something
/// on its own network, so it is keyed "NETWORK|tag".
/// </summary>
public static class CoverageKeys
{
    public const string NetworkTagKind = "network-tag";

    public static string Of(MirroredSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Kind == NetworkTagKind ? NetworkTag(source.Network, source.Id) : source.Id;
    }

    public static string NetworkTag(string? network, string tag) => $"{network}|{tag}";
}
