using System.Text.Json;
using PostureScan.Gcp.Wire;

namespace PostureScan.Gcp.Compute;

/// <summary>
/// Gathers the pages of one project's aggregated list by region. Regions without policies arrive as
/// a NO_RESULTS_ON_PAGE warning in place of a list and are kept, empty; unreachable regions are set apart.
/// </summary>
internal sealed class ProjectListingBuilder(string project)
{
    private const string RegionPrefix = "regions/";

    // What a per-scope warning means when it stands in place of the scope's list.
    private static readonly Dictionary<string, bool> WarningMeansUnreachable = new(StringComparer.Ordinal)
    {
        ["NO_RESULTS_ON_PAGE"] = false,
        ["UNREACHABLE"] = true,
    };

    private readonly SortedDictionary<string, List<JsonElement>> regions = new(StringComparer.Ordinal);
    private readonly SortedSet<string> unreachable = new(StringComparer.Ordinal);

    public void Add(AggregatedPacketMirrorings page)
    {
        foreach (var (key, scoped) in page.Items ?? [])
        {
            if (RegionOf(key) is not { } region)
            {
                continue;
            }

            if (scoped.Warning?.Code is { } code && WarningMeansUnreachable.GetValueOrDefault(code))
            {
                unreachable.Add(region);
                continue;
            }

            if (!regions.TryGetValue(region, out var policies))
            {
                regions[region] = policies = [];
            }

            policies.AddRange(scoped.PacketMirrorings ?? []);
        }

        foreach (var region in (page.Unreachables ?? []).Select(RegionOf).OfType<string>())
        {
            unreachable.Add(region);
        }
    }

    public ProjectListing Build(int calls) => new(
        project,
        regions.Where(r => !unreachable.Contains(r.Key))
            .ToDictionary(r => r.Key, r => (IReadOnlyList<JsonElement>)r.Value, StringComparer.Ordinal),
        [.. unreachable],
        calls);

    /// <summary>"regions/us-central1" is "us-central1"; other scopes (global, zones) hold no packet mirroring.</summary>
    private static string? RegionOf(string scope) =>
        scope.StartsWith(RegionPrefix, StringComparison.Ordinal) && scope.Length > RegionPrefix.Length && scope.Length <= 64
            ? scope[RegionPrefix.Length..]
            : null;
}
