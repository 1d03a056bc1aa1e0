using System.Globalization;
using System.Net;

namespace PostureScan.Tests.Serve;

/// <summary>Reads a node's /metrics the way Prometheus would: every series by its name and labels.</summary>
internal static class MetricsScrape
{
    /// <summary>The series of one scrape, after checking that it answered 200 in the text format.</summary>
    public static async Task<Dictionary<string, double>> ReadAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var series = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            series.Add(line[..space], double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture));
        }

        return series;
    }

    /// <summary>One scrape of the serve host's own loopback endpoint.</summary>
    public static async Task<Dictionary<string, double>> ReadAsync(ServeTestHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        return await ReadAsync(http);
    }
}
