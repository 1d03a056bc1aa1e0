using System.Globalization;
using System.Text.Json.Nodes;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Gcp;

/// <summary>
/// <c>GET projects/{project}/aggregated/instances</c>: the project's VMs, maxResults at a time across
/// zones in name order, keyed "zones/ZONE". Every zone that holds an instance appears on every page: with
/// its instances on that page, or with a NO_RESULTS_ON_PAGE warning in their place. The zones of an
/// unreachable region (its instances' zones, or ZONE-a when it has none) are named in "unreachables"
/// when returnPartialSuccess=true, and fail the call otherwise.
/// </summary>
internal static class AggregatedInstances
{
    private const int MaxResults = 500;

    public static GcpResponse Handle(GcpCall call)
    {
        var project = call.Project!;
        var listing = $"projects/{project.Id}/aggregated/instances";
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

        var all = regions.Where(r => !r.Unreachable)
            .SelectMany(r => r.Instances.Select(i => (Region: r, Instance: i)))
            .OrderBy(x => x.Instance.Zone, StringComparer.Ordinal)
            .ThenBy(x => x.Instance.Name, StringComparer.Ordinal)
            .ToList();
        var page = all.Skip(offset).Take(size).ToList();

        var items = new JsonObject();
        foreach (var zone in all.Select(x => x.Instance.Zone).Distinct(StringComparer.Ordinal))
        {
            var onPage = page.Where(x => x.Instance.Zone == zone)
                .Select(x => (JsonNode)GcpResources.Instance(project.Id, x.Region, x.Instance)).ToList();
            items[$"zones/{zone}"] = onPage.Count > 0
                ? new JsonObject { ["instances"] = new JsonArray([.. onPage]) }
                : new JsonObject { ["warning"] = NoResults(zone) };
        }

        var body = new JsonObject
        {
            ["kind"] = "compute#instanceAggregatedList",
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
            body["unreachables"] = new JsonArray([.. unreachable.SelectMany(Zones).Select(z => (JsonNode)JsonValue.Create($"zones/{z}"))]);
        }

        return GcpResponse.Ok(body);
    }

    private static IEnumerable<string> Zones(GcpRegion region) =>
        region.Instances.Count > 0 ? region.Instances.Select(i => i.Zone).Distinct(StringComparer.Ordinal) : [region.Name + "-a"];

    private static JsonObject NoResults(string zone) => new()
    {
        ["code"] = "NO_RESULTS_ON_PAGE",
        ["message"] = $"There are no results for scope 'zones/{zone}' on this page.",
        ["data"] = new JsonArray(new JsonObject { ["key"] = "scope", ["value"] = $"zones/{zone}" }),
    };
}
