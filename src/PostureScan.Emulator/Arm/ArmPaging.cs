using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PostureScan.Emulator.Arm;

/// <summary>
/// Server-driven paging as ARM does it: a page of at most the world's page size, and a nextLink that
/// repeats the request with a $skiptoken naming the last item served.
/// </summary>
internal static class ArmPaging
{
    private const int MaxTokenLength = 2048;

    /// <summary>The page after the request's $skiptoken, or an error for a token the emulator did not issue.</summary>
    public static (IReadOnlyList<T> Page, string? NextLink, ArmError? Error) Page<T>(ArmRequest request, IReadOnlyList<T> items, Func<T, string> key, int? top = null)
    {
        var size = Math.Min(request.Index.PageSize, top ?? int.MaxValue);
        var start = 0;
        if (request.QueryValue("$skiptoken") is { } token)
        {
            if (Decode(token) is not { } marker)
            {
                return ([], null, ArmErrors.InvalidSkipToken());
            }

            start = items.Count(i => string.Compare(key(i), marker, StringComparison.OrdinalIgnoreCase) <= 0);
        }

        var page = items.Skip(start).Take(size).ToList();
        var more = start + page.Count < items.Count && top is null;
        return (page, more ? NextLink(request, key(page[^1])) : null, null);
    }

    private static string NextLink(ArmRequest request, string marker)
    {
        var query = new QueryBuilderText();
        foreach (var (name, values) in request.Query.Where(q => q.Key != "$skiptoken"))
        {
            query.Add(name, values.FirstOrDefault() ?? "");
        }

        var json = JsonSerializer.Serialize(new Dictionary<string, string> { ["nextMarker"] = marker });
        query.Add("$skiptoken", Convert.ToBase64String(Encoding.UTF8.GetBytes(json)));
        return new Uri(request.BaseUri, request.Path).AbsoluteUri + query;
    }

    private static string? Decode(string token)
    {
        if (token.Length > MaxTokenLength)
        {
            return null;
        }

        var buffer = new byte[token.Length];
        if (!Convert.TryFromBase64String(token, buffer, out var length))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.AsMemory(0, length));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("nextMarker", out var marker) && marker.ValueKind == JsonValueKind.String
                ? marker.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A query string in ARM's style: "?name=value&amp;..." with values percent-encoded.</summary>
    private sealed class QueryBuilderText
    {
        private readonly StringBuilder _text = new();

        public void Add(string name, string value) =>
            _text.Append(_text.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name).Replace("%24", "$", StringComparison.Ordinal))
                .Append('=').Append(Uri.EscapeDataString(value));

        public override string ToString() => _text.ToString();
    }
}
