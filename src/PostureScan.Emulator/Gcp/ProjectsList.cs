using System.Globalization;
using System.Text.Json.Nodes;

namespace PostureScan.Emulator.Gcp;

/// <summary>Cloud Resource Manager <c>GET v1/projects</c>: every project of the world, pageSize at a time.</summary>
internal static class ProjectsList
{
    private const int MaxPageSize = 1000;
    private const string Listing = "v1/projects";

    public static GcpResponse Handle(GcpCall call)
    {
        var size = MaxPageSize;
        if (call.Query["pageSize"].FirstOrDefault() is { } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size > MaxPageSize))
        {
            return GcpErrors.Error(400, "badRequest", $"Invalid value for pageSize: must be between 0 and {MaxPageSize}.", "INVALID_ARGUMENT");
        }

        size = size == 0 ? MaxPageSize : size;
        var offset = 0;
        if (call.Query["pageToken"].FirstOrDefault() is { Length: > 0 } token)
        {
            if (GcpPageToken.Read(token, Listing) is not { } read)
            {
                return GcpErrors.Error(400, "badRequest", "Invalid page token.", "INVALID_ARGUMENT");
            }

            offset = read;
        }

        var all = call.Index.Projects.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var body = new JsonObject();
        var page = all.Skip(offset).Take(size).Select(p => (JsonNode)GcpResources.Project(p)).ToList();
        if (page.Count > 0)
        {
            // proto3 JSON leaves empty fields out: an empty list is "{}".
            body["projects"] = new JsonArray([.. page]);
        }

        if (offset + size < all.Count)
        {
            body["nextPageToken"] = GcpPageToken.Write(Listing, offset + size);
        }

        return GcpResponse.Ok(body);
    }
}
