using PostureScan.Core.Text;

namespace PostureScan.Gcp.Mapping;

/// <summary>
/// Bounds on what is taken from a response. Every string from the API is adversary-controlled
/// (names, descriptions, labels), so sizes and counts are cut to what Compute itself allows.
/// </summary>
internal static class Limits
{
    public const int Name = 256;
    public const int Description = 2048;
    public const int Url = 2048;
    public const int Label = 256;
    public const int Labels = 64;
    public const int Tags = 64;

    /// <summary>Compute allows 5 mirrored subnetworks and 50 instances per policy.</summary>
    public const int Subnetworks = 5;
    public const int Instances = 50;
    public const int CidrRanges = 100;
    public const int Protocols = 16;
    public const int Interfaces = 8;

    /// <summary>A name, id or address kept within its bound (never half of a surrogate pair).</summary>
    public static string? Text(string? value, int max) => BoundedText.Clip(value, max);

    /// <summary>A description: cut with the marker that says how long it was.</summary>
    public static string? Prose(string? value) => BoundedText.Cut(value, Description);

    public static IEnumerable<T> Take<T>(IEnumerable<T>? items, int max) => (items ?? []).Take(max);

    public static IReadOnlyDictionary<string, string> Map(Dictionary<string, string>? labels)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Take(labels, Labels).Where(l => l.Key is { Length: > 0 }))
        {
            map.TryAdd(Text(key, Label)!, Text(value, Label) ?? "");
        }

        return map;
    }
}
