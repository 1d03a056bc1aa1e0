using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Amazon.Runtime.Signing;
using PostureScan.Core.Serialization;
using PostureScan.Core.Text;

namespace PostureScan.Aws.Audit;

/// <summary>
/// CloudTrail's LookupEvents over the AWS JSON 1.1 protocol, one page per call: POST / with the
/// operation in <c>X-Amz-Target</c>, signed by AWSSDK.Core's SigV4 handler below this client. Answers
/// are bounded in size; errors become <see cref="CloudTrailException"/>.
/// </summary>
internal sealed class LookupEventsClient(HttpClient http, Func<string, Uri> endpoint, int maxPageBytes)
{
    private const string Target = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents";
    private const int MaxErrorMessage = 500;
    private static readonly MediaTypeHeaderValue JsonType = new("application/x-amz-json-1.1");
    private static readonly HttpRequestOptionsKey<string> RegionKey = new(SigV4SigningHandler.RegionOptionKey);

    /// <summary>One page: the response body as it came (the audit readers read it).</summary>
    public async Task<byte[]> PageAsync(string region, LookupPageRequest page, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint(region)) { Content = new ByteArrayContent(page.ToJson()) };
        request.Content.Headers.ContentType = JsonType;
        request.Headers.Add("X-Amz-Target", Target);
        request.Options.Set(RegionKey, region);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await ReadBoundedAsync(response, cancellationToken);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return body;
        }

        var (code, message) = Error(body);
        throw new CloudTrailException(code ?? $"HTTP{(int)response.StatusCode}", message ?? response.ReasonPhrase ?? "", response.StatusCode);
    }

    private async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > maxPageBytes)
        {
            throw new InvalidDataException($"LookupEvents answered {response.Content.Headers.ContentLength} bytes, more than the {maxPageBytes} allowed");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxPageBytes)
            {
                throw new InvalidDataException($"LookupEvents answered more than the {maxPageBytes} bytes allowed");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The JSON protocol's error: <c>__type</c> (possibly "namespace#Code") and <c>message</c> (or <c>Message</c>).</summary>
    private static (string? Code, string? Message) Error(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var type = TolerantJson.TryGetProperty(root, "__type", out var t) ? TolerantJson.StringOf(t) : null;
            var message = TolerantJson.TryGetProperty(root, "message", out var m) || TolerantJson.TryGetProperty(root, "Message", out m)
                ? TolerantJson.StringOf(m)
                : null;
            var code = type?[(type.LastIndexOf('#') + 1)..];
            return (code is { Length: > 0 and <= 100 } ? code : null, BoundedText.Clip(message, MaxErrorMessage));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
