using System.Globalization;
using System.Text.Json;
using PostureScan.Gcp.Rest;
using PostureScan.Gcp.Wire;

namespace PostureScan.Gcp.Compute;

/// <summary>
/// Reads every packet mirroring policy of a project with one paged call,
/// <c>GET projects/{project}/aggregated/packetMirrorings</c>, and splits the answer by region.
/// </summary>
internal sealed class PacketMirroringLister(GcpRestClient client, Uri computeEndpoint, int pageSize)
{
    /// <summary>Bound on pages per project, against a server that never stops paging.</summary>
    private const int MaxPages = 10_000;

    public async Task<ProjectListing> ListAsync(string project, CancellationToken ct)
    {
        var counter = new CallCounter();
        var listing = new ProjectListingBuilder(project);
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        string? pageToken = null;
        do
        {
            var page = await client.GetAsync<AggregatedPacketMirrorings>(PageUrl(project, pageToken), counter, ct);
            listing.Add(page);
            pageToken = string.IsNullOrEmpty(page.NextPageToken) ? null : page.NextPageToken;
            if (pageToken is not null && (!tokens.Add(pageToken) || tokens.Count >= MaxPages))
            {
                throw new JsonException($"projects/{project}: the aggregated list repeats a page token or never ends");
            }
        }
        while (pageToken is not null);

        return listing.Build(counter.Count);
    }

    private Uri PageUrl(string project, string? pageToken)
    {
        // returnPartialSuccess: a region Compute cannot reach is named in "unreachables" instead of failing the project.
        var query = string.Create(CultureInfo.InvariantCulture, $"maxResults={pageSize}&returnPartialSuccess=true");
        if (pageToken is not null)
        {
            query += "&pageToken=" + Uri.EscapeDataString(pageToken);
        }

        return new Uri(computeEndpoint, $"projects/{Uri.EscapeDataString(project)}/aggregated/packetMirrorings?{query}");
    }
}
