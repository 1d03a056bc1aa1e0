using System.Globalization;
using System.Text.Json.Nodes;

namespace PostureScan.Emulator.Gcp;

/// <summary>
/// <c>GET projects/{project}/aggregated/COLLECTION</c>, as Compute pages every aggregatedList: maxResults
/// (at most 500) items at a time in list order. Every scope of <see cref="AggregatedListing{T}.Scopes"/> appears
/// on every page: with its items on that page, or with a NO_RESULTS_ON_PAGE warning in their place. The scopes
/// of unreachable regions are named in "unreachables" when returnPartialSuccess=true, and fail the call otherwise.
/// </summary>
internal static class AggregatedList
{
    private const int MaxResults = 500;

    public static GcpResponse Handle<T>(GcpCall call, AggregatedListing<T> listing)
    {
        var project = call.Project!;
        var id = $"projects/{project.Id}/aggregated/{listing.Collection}";
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
            if (GcpPageToken.Read(token, id) is not { } read)
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
        var all = listing.Items(reachable).ToList();
        var page = all.Skip(offset).Take(size).ToList();

        var items = new JsonObject();
        foreach (var scope in listing.Scopes(reachable))
        {
            var onPage = page.Where(x => x.Scope == scope).Select(x => listing.Render(project.Id, x.Item)).ToList();
            items[scope] = onPage.Count > 0
                ? new JsonObject { [listing.Collection] = new JsonArray([.. onPage]) }
                : new JsonObject { ["warning"] = NoResults(scope) };
        }

        var body = new JsonObject
        {
            ["kind"] = listing.Kind,
            ["id"] = id,
            ["items"] = items,
        };
        if (offset + size < all.Count)
        {
            body["nextPageToken"] = GcpPageToken.Write(id, offset + size);
        }

        body["selfLink"] = GcpLinks.Url(id);
        if (partial && unreachable.Count > 0)
        {
            body["unreachables"] = new JsonArray([.. unreachable.SelectMany(listing.UnreachableScopes).Select(s => (JsonNode)JsonValue.Create(s))]);
        }

        return GcpResponse.Ok(body);
    }

    private static JsonObject NoResults(string scope) => new()
    {
        ["code"] = "NO_RESULTS_ON_PAGE",
        ["message"] = $"There are no results for scope '{scope}' on this page.",
        ["data"] = new JsonArray(new JsonObject { ["key"] = "scope", ["value"] = scope }),
    };
}
