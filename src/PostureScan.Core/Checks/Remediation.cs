using System.Collections.Frozen;
using PostureScan.Core.Inventory;

namespace PostureScan.Core.Checks;

/// <summary>Builds the per-provider remediation map of a check's metadata, one line per provider.</summary>
internal static class Remediation
{
    public static IReadOnlyDictionary<string, string> Of(string aws, string azure, string gcp, string cisco) =>
        new Dictionary<string, string>
        {
            [Providers.Aws] = aws,
            [Providers.Azure] = azure,
            [Providers.Gcp] = gcp,
            [Providers.Cisco] = cisco,
        }.ToFrozenDictionary(StringComparer.Ordinal);
}
