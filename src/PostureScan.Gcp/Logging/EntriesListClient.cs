using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Polly;
using PostureScan.Core.Serialization;
using PostureScan.Gcp.Rest;

namespace PostureScan.Gcp.Logging;

/// <summary>
/// Cloud Logging's entries:list, one page per call: a POST (the API's read takes its query as a body)
/// with the bearer token, through the same retry pipeline as the Compute reads. Bodies are bounded.
/// </summary>
internal sealed class EntriesListClient(HttpClient http, GoogleAccess access, ResiliencePipeline<HttpResponseMessage> retry, Uri endpoint)
{
    /// <summary>A page of 1000 audit entries is a few megabytes; far more is not Cloud Logging.</summary>
    private const int MaxPageBytes = 64 * 1024 * 1024;

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public async Task<byte[]> PageAsync(string project, string filter, int pageSize, string? pageToken, CancellationToken ct)
    {
        var body = Body(project, filter, pageSize, pageToken);
        using var response = await retry.ExecuteAsync(async token =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "v2/entries:list")) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = Json;
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await access.AccessTokenAsync(token));
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
        }, ct);
        var bytes = await ReadBoundedAsync(response, ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw GcpRestClient.ParseError(response.StatusCode, response.ReasonPhrase, System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 64 * 1024)));
        }

        return bytes;
    }

    private static byte[] Body(string project, string filter, int pageSize, string? pageToken)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("resourceNames");
            w.WriteStringValue("projects/" + project);
            w.WriteEndArray();
            w.WriteString("filter", filter);
            w.WriteString("orderBy", "timestamp asc");
            w.WriteNumber("pageSize", pageSize);
            if (pageToken is not null)
            {
                w.WriteString("pageToken", pageToken);
            }

            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxPageBytes)
            {
                throw new InvalidDataException($"an entries:list page is larger than {MaxPageBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Whether a page holds entries, and its nextPageToken, from its top level (the audit readers read the
    /// entries). An empty result is <c>{}</c>: proto3 JSON leaves empty fields out.
    /// </summary>
    public static (bool HasEntries, string? NextPageToken) Shape(byte[] page)
    {
        var reader = new Utf8JsonReader(page, new JsonReaderOptions { MaxDepth = 256 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("an entries:list page is not a JSON object");
        }

        var entries = false;
        string? token = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isToken = reader.ValueTextEquals("nextPageToken");
            entries |= reader.ValueTextEquals("entries");
            reader.Read();
            if (isToken && reader.TokenType == JsonTokenType.String)
            {
                token = TolerantJson.StringOf(ref reader);
            }

            reader.Skip();
        }

        return (entries, token);
    }
}
