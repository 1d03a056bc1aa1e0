using System.Globalization;
using System.Text.Json.Nodes;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Gcp;

/// <summary>
/// <c>GET projects/{project}/aggregated/packetMirrorings</c>: the project's policies, maxResults at a
/// time across regions in name order. Every region appears on every page: with its policies on that
/// page, or with a NO_RESULTS_ON_PAGE warning in their place. Unreachable regions are named in
/// "unreachables" when returnPartialSuccess=true, and fail the call otherwise.
/// </summary>
internal static class AggregatedPacketMirrorings
{
    private const int MaxResults = 500;

    public static GcpResponse Handle(GcpCall call)
    {
        var project = call.Project!;
        var listing = $"projects/{project.Id}/aggregated/packetMirrorings";
        var size = MaxResults;
        if (call.Query["maxResults"].FirstOrDefault() is { } max
            && (!int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size > MaxResults))
        {
            return GcpErrors.Invalid("maxResults", max, "Must be less than or equal to 500");
        }

        size = size == 0 ? MaxResults : size;
        var offset = 0;
        if (call.Query["pageToken"].FirstOrDefault() is { Length: > 0 } token)
        {
            if (GcpPageToken.Read(token, listing) is not { } read)
            {
                return GcpErrors.Invalid("pageToken", token, "Invalid page token.");
            }

            offset = read;
        }

        var regions = project.Regions.OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var unreachable = regions.Where(r => r.Unreachable).ToList();
        var partial = string.Equals(call.Query["returnPartialSuccess"].FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
        if (unreachable.Count > 0 && !partial)
        {
            return GcpErrors.Backend(503);
        }

        var reachable = regions.Where(r => !r.Unreachable).ToList();
        var all = reachable.SelectMany(r => r.PacketMirrorings.Select(p => (Region: r, Policy: p))).ToList();
        var page = all.Skip(offset).Take(size).ToList();

        var items = new JsonObject();
        foreach (var region in reachable)
        {
            var onPage = page.Where(p => p.Region == region).Select(p => (JsonNode)GcpResources.PacketMirroring(project.Id, region, p.Policy)).ToList();
            items[$"regions/{region.Name}"] = onPage.Count > 0
                ? new JsonObject { ["packetMirrorings"] = new JsonArray([.. onPage]) }
                : new JsonObject { ["warning"] = NoResults(region) };
        }

        var body = new JsonObject
        {
            ["kind"] = "compute#packetMirroringAggregatedList",
            ["id"] = listing,
            ["items"] = items,
        };
        if (offset + size < all.Count)
        {
            body["nextPageToken"] = GcpPageToken.Write(listing, offset + size);
        }

        body["selfLink"] = GcpLinks.Url(listing);
        if (partial && unreachable.Count > 0)
        {
            body["unreachables"] = new JsonArray([.. unreachable.Select(r => (JsonNode)JsonValue.Create($"regions/{r.Name}"))]);
        }

        return GcpResponse.Ok(body);
    }

    private static JsonObject NoResults(GcpRegion region) => new()
    {
        ["code"] = "NO_RESULTS_ON_PAGE",
        ["message"] = $"There are no results for scope 'regions/{region.Name}' on this page.",
        ["data"] = new JsonArray(new JsonObject { ["key"] = "scope", ["value"] = $"regions/{region.Name}" }),
    };
}
