using System.Globalization;
using System.Text.Json;
using PostureScan.Gcp.Rest;
using PostureScan.Gcp.Wire;

namespace PostureScan.Gcp.Compute;

/// <summary>Every active project the credential can see: Cloud Resource Manager <c>GET v1/projects</c>, paged.</summary>
internal sealed class ProjectLister(GcpRestClient client, Uri resourceManagerEndpoint, int pageSize)
{
    private const int MaxPages = 10_000;

    public async Task<IReadOnlyList<string>> ListAsync(CallCounter counter, CancellationToken ct)
    {
        var projects = new SortedSet<string>(StringComparer.Ordinal);
        string? pageToken = null;
        for (var pages = 1; ; pages++)
        {
            var query = string.Create(CultureInfo.InvariantCulture, $"v1/projects?pageSize={pageSize}");
            if (pageToken is not null)
            {
                query += "&pageToken=" + Uri.EscapeDataString(pageToken);
            }

            var page = await client.GetAsync<ProjectList>(new Uri(resourceManagerEndpoint, query), counter, ct);
            projects.UnionWith(ActiveIds(page));

            pageToken = string.IsNullOrEmpty(page.NextPageToken) ? null : page.NextPageToken;
            if (pageToken is null)
            {
                return [.. projects];
            }

            if (pages >= MaxPages)
            {
                throw new JsonException("the project list never ends");
            }
        }
    }

    /// <summary>The active projects of a page. Projects pending deletion are listed too; they can hold no running mirror.</summary>
    public static IEnumerable<string> ActiveIds(ProjectList page) =>
        (page.Projects ?? [])
            .Where(p => p is { ProjectId.Length: > 0 and <= 100, LifecycleState: "ACTIVE" })
            .Select(p => p.ProjectId!);
}
