using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PostureScan.Emulator.Logging;

/// <summary>A ListLogEntriesRequest: resourceNames (projects/ID), filter, orderBy, pageSize (1..1000, default 50), pageToken.</summary>
internal sealed record ListRequest(IReadOnlyList<string> Projects, LoggingFilter Filter, bool Descending, int PageSize, string? PageToken, string Fingerprint, string? Problem)
{
    public static async Task<ListRequest?> ReadAsync(HttpRequest request, int maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            return Parse(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ListRequest? Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var names = root.TryGetProperty("resourceNames", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(n => n.ValueKind == JsonValueKind.String ? n.GetString() ?? "" : "").ToList()
            : [];
        var filterText = String(root, "filter");
        var order = String(root, "orderBy") ?? "timestamp asc";
        var size = root.TryGetProperty("pageSize", out var s) && s.TryGetInt32(out var n) ? n : 50;
        var token = String(root, "pageToken");
        var projects = names.Where(x => x.StartsWith("projects/", StringComparison.Ordinal)).Select(x => x["projects/".Length..]).ToList();
        var filter = LoggingFilter.Parse(filterText);
        var problem = names.Count == 0 ? "resourceNames is required"
            : projects.Count != names.Count ? "only projects/PROJECT_ID resource names are served"
            : filter is null ? $"Unparseable filter: {Bound(filterText)}"
            : order is not ("timestamp asc" or "timestamp desc") ? "orderBy must be \"timestamp asc\" or \"timestamp desc\""
            : size is < 1 or > 1000 ? "pageSize must be between 1 and 1000"
            : null;
        var fingerprint = $"{string.Join(',', projects)}|{filterText}|{order}|{size}";
        return new ListRequest(projects, filter ?? LoggingFilter.Parse(null)!, order == "timestamp desc", size, token, fingerprint, problem);
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Bound(string? text) => text is { Length: > 200 } ? text[..200] : text ?? "";
}
