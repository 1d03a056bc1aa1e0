using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using PostureScan.Azure.Wire;
using PostureScan.Core.Serialization;

namespace PostureScan.Azure;

/// <summary>
/// Lists an ARM collection through the pipeline, following nextLink. A nextLink must stay on the
/// Resource Manager endpoint: the pipeline attaches the bearer token to whatever URL it is given.
/// </summary>
internal sealed class ArmLister(HttpPipeline pipeline, Uri endpoint)
{
    /// <summary>A listing longer than this is taken for a server that loops.</summary>
    private const int MaxPages = 10_000;

    public async Task<IReadOnlyList<ArmDocument>> ListAsync(string path, string apiVersion, CancellationToken ct)
    {
        var items = new List<ArmDocument>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Uri? next = new(endpoint, $"{path}?api-version={Uri.EscapeDataString(apiVersion)}");
        for (var page = 0; next is not null; page++)
        {
            if (page == MaxPages || !seen.Add(next.AbsoluteUri))
            {
                throw new InvalidDataException($"the listing of {path} does not end (page {page + 1})");
            }

            using var message = pipeline.CreateMessage();
            message.Request.Method = RequestMethod.Get;
            message.Request.Uri.Reset(next);
            await pipeline.SendAsync(message, ct);
            if (message.Response.IsError)
            {
                throw new RequestFailedException(message.Response);
            }

            using var document = await JsonDocument.ParseAsync(message.Response.ContentStream ?? Stream.Null, default, ct);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
            {
                throw new JsonException($"the listing of {path} has no value array");
            }

            items.AddRange(value.EnumerateArray().Select(ArmDocument.Parse));
            next = root.TryGetProperty("nextLink", out var link) && TolerantJson.StringOf(link) is { Length: > 0 } text
                ? OnEndpoint(text)
                : null;
        }

        return items;
    }

    private Uri OnEndpoint(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri)
        && uri.Scheme == endpoint.Scheme
        && string.Equals(uri.Host, endpoint.Host, StringComparison.OrdinalIgnoreCase)
        && uri.Port == endpoint.Port
            ? uri
            : throw new InvalidDataException("a nextLink points away from the Resource Manager endpoint");
}
