using System.Globalization;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PostureScan.Azure.Audit;

/// <summary>
/// The pages of ActivityLogs_List for one subscription and time range, through the Azure.Core pipeline
/// (bearer token, retries), following nextLink only on the Resource Manager endpoint. Each page's body
/// is handed over as it came, bounded in size.
/// </summary>
internal sealed class ActivityLogPager(HttpPipeline pipeline, Uri endpoint)
{
    public const string ApiVersion = "2015-04-01";

    /// <summary>A listing longer than this is taken for a server that loops.</summary>
    private const int MaxPages = 100_000;

    /// <summary>A page holds up to 200 events of a few kilobytes each; far more is not the Activity Log.</summary>
    private const int MaxPageBytes = 32 * 1024 * 1024;

    public async Task ReadAsync(string subscription, DateTimeOffset from, DateTimeOffset to, string? provider, Func<byte[], int, Task> onPage, CancellationToken ct)
    {
        var filter = $"eventTimestamp ge '{Time(from)}' and eventTimestamp le '{Time(to)}'"
            + (string.IsNullOrEmpty(provider) ? "" : $" and resourceProvider eq '{provider.Replace("'", "''", StringComparison.Ordinal)}'");
        Uri? next = new(endpoint,
            $"subscriptions/{Uri.EscapeDataString(subscription)}/providers/Microsoft.Insights/eventtypes/management/values?api-version={ApiVersion}&$filter={Uri.EscapeDataString(filter)}");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 1; next is not null; page++)
        {
            if (page > MaxPages || !seen.Add(next.AbsoluteUri))
            {
                throw new InvalidDataException($"the Activity Log of {subscription} does not end (page {page})");
            }

            using var message = pipeline.CreateMessage();
            message.Request.Method = RequestMethod.Get;
            message.Request.Uri.Reset(next);
            message.BufferResponse = false;
            await pipeline.SendAsync(message, ct);
            if (message.Response.IsError)
            {
                throw new RequestFailedException(message.Response);
            }

            var body = await ReadBoundedAsync(message.Response.ContentStream, ct);
            await onPage(body, page);
            next = ActivityLogPage.NextLink(body) is { Length: > 0 } link ? OnEndpoint(link) : null;
        }
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static async Task<byte[]> ReadBoundedAsync(Stream? stream, CancellationToken ct)
    {
        if (stream is null)
        {
            return [];
        }

        await using (stream)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[64 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > MaxPageBytes)
                {
                    throw new InvalidDataException($"an Activity Log page is larger than {MaxPageBytes} bytes");
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    /// <summary>The pipeline attaches the bearer token to whatever URL it is given: a nextLink must stay on Resource Manager.</summary>
    private Uri OnEndpoint(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri)
        && uri.Scheme == endpoint.Scheme
        && string.Equals(uri.Host, endpoint.Host, StringComparison.OrdinalIgnoreCase)
        && uri.Port == endpoint.Port
            ? uri
            : throw new InvalidDataException("a nextLink points away from the Resource Manager endpoint");
}
