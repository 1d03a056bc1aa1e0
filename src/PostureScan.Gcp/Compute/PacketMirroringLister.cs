using System.Globalization;
using System.Text.Json;
using PostureScan.Gcp.Rest;
using PostureScan.Gcp.Wire;

namespace PostureScan.Gcp.Compute;

/// <summary>
/// Reads every packet mirroring policy of a project with one paged call,
/// <c>GET projects/{project}/aggregated/packetMirrorings</c>, and splits the answer by region.
/// Regions without policies arrive as a NO_RESULTS_ON_PAGE warning in place of a list.
/// </summary>
internal sealed class PacketMirroringLister(GcpRestClient client, Uri computeEndpoint, int pageSize)
{
    private const string RegionPrefix = "regions/";

    /// <summary>Bound on pages per project, against a server that never stops paging.</summary>
    private const int MaxPages = 10_000;

    // What a per-scope warning means when it stands in place of the scope's list.
    private static readonly Dictionary<string, bool> WarningMeansUnreachable = new(StringComparer.Ordinal)
    {
        ["NO_RESULTS_ON_PAGE"] = false,
        ["UNREACHABLE"] = true,
    };

    public async Task<ProjectListing> ListAsync(string project, CancellationToken ct)
    {
        var counter = new CallCounter();
        var regions = new SortedDictionary<string, List<JsonElement>>(StringComparer.Ordinal);
        var unreachable = new SortedSet<string>(StringComparer.Ordinal);
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        string? pageToken = null;
        do
        {
            var page = await client.GetAsync<AggregatedPacketMirrorings>(PageUrl(project, pageToken), counter, ct);
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

            pageToken = string.IsNullOrEmpty(page.NextPageToken) ? null : page.NextPageToken;
            if (pageToken is not null && (!tokens.Add(pageToken) || tokens.Count >= MaxPages))
            {
                throw new JsonException($"projects/{project}: the aggregated list repeats a page token or never ends");
            }
        }
        while (pageToken is not null);

        foreach (var region in unreachable)
        {
            regions.Remove(region);
        }

        return new ProjectListing(
            project,
            regions.ToDictionary(r => r.Key, r => (IReadOnlyList<JsonElement>)r.Value, StringComparer.Ordinal),
            [.. unreachable],
            counter.Count);
    }

    private Uri PageUrl(string project, string? pageToken)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"maxResults={pageSize}&returnPartialSuccess=true");
        if (pageToken is not null)
        {
            query += "&pageToken=" + Uri.EscapeDataString(pageToken);
        }

        return new Uri(computeEndpoint, $"projects/{Uri.EscapeDataString(project)}/aggregated/packetMirrorings?{query}");
    }

    /// <summary>"regions/us-central1" is "us-central1"; other scopes (global, zones) hold no packet mirroring.</summary>
    private static string? RegionOf(string scope) =>
        scope.StartsWith(RegionPrefix, StringComparison.Ordinal) && scope.Length > RegionPrefix.Length && scope.Length <= 64
            ? scope[RegionPrefix.Length..]
            : null;
}
