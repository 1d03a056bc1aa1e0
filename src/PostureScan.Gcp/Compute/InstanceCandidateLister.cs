using System.Globalization;
using System.Text.Json;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Gcp.Mapping;
using PostureScan.Gcp.Rest;
using PostureScan.Gcp.Wire;

namespace PostureScan.Gcp.Compute;

/// <summary>
/// Lists every VM of a project with one paged call, <c>GET projects/{project}/aggregated/instances</c>,
/// as coverage candidates by region (a zone's region is its name without the last "-x"). Each candidate
/// also names its subnetworks and network tags, since a packet mirroring policy may select it by those.
/// </summary>
internal sealed class InstanceCandidateLister(GcpRestClient client, Uri computeEndpoint, int pageSize)
{
    private const int MaxPages = 10_000;

    /// <summary>The project's candidates by region, and the regions Compute could not reach.</summary>
    public async Task<(ILookup<string, Instance> ByRegion, IReadOnlySet<string> Unreachable)> ListAsync(
        string project, CallCounter counter, CancellationToken ct)
    {
        var found = new List<(string Region, Instance Instance)>();
        var unreachable = new HashSet<string>(StringComparer.Ordinal);
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        string? pageToken = null;
        do
        {
            var page = await client.GetAsync<AggregatedInstances>(PageUrl(project, pageToken), counter, ct);
            foreach (var (key, list) in page.Items ?? [])
            {
                var region = RegionOfZoneKey(key);
                found.AddRange((list.Instances ?? []).Where(i => region is not null && i.SelfLink is { Length: > 0 }).Select(i => (region!, i)));
            }

            unreachable.UnionWith((page.Unreachables ?? []).Select(RegionOfZoneKey).OfType<string>());
            pageToken = string.IsNullOrEmpty(page.NextPageToken) ? null : page.NextPageToken;
            if (pageToken is not null && (!tokens.Add(pageToken) || tokens.Count >= MaxPages))
            {
                throw new JsonException($"projects/{project}: the aggregated instance list repeats a page token or never ends");
            }
        }
        while (pageToken is not null);

        return (found.ToLookup(f => f.Region, f => f.Instance, StringComparer.Ordinal), unreachable);
    }

    public static MirroredSource ToCandidate(Instance instance)
    {
        var interfaces = Limits.Take(instance.NetworkInterfaces, Limits.Interfaces).ToList();
        var name = Limits.Text(instance.Name, Limits.Name);
        return new MirroredSource(
            Kind: "instance",
            Id: Limits.Text(instance.SelfLink, Limits.Url)!,
            Name: name,
            Instance: name,
            Network: Limits.Text(interfaces.FirstOrDefault()?.Network, Limits.Url),
            Addresses: [.. interfaces.Select(i => i.NetworkIp).Where(ip => ip is { Length: > 0 and <= 64 }).Select(ip => ip!).Distinct(StringComparer.Ordinal)],
            Direction: TrafficDirection.Both,
            Tags: Limits.Map(instance.Labels));
    }

    /// <summary>What else a policy may select the instance by: its subnetworks, and each network tag on each of its networks.</summary>
    public static IReadOnlyList<string> Via(Instance instance)
    {
        var interfaces = Limits.Take(instance.NetworkInterfaces, Limits.Interfaces).ToList();
        var tags = Limits.Take(instance.Tags?.Items, Limits.Tags).Where(t => t is { Length: > 0 }).Select(t => Limits.Text(t, Limits.Name)!).ToList();
        return [.. interfaces.Select(i => Limits.Text(i.Subnetwork, Limits.Url)).OfType<string>()
            .Concat(interfaces.Select(i => Limits.Text(i.Network, Limits.Url)).Distinct(StringComparer.Ordinal)
                .SelectMany(network => tags.Select(tag => CoverageKeys.NetworkTag(network, tag))))
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>"zones/europe-west1-b" → "europe-west1"; null for anything else.</summary>
    internal static string? RegionOfZoneKey(string key)
    {
        var zone = key.StartsWith("zones/", StringComparison.Ordinal) ? key["zones/".Length..] : null;
        return zone?.LastIndexOf('-') is > 0 and var dash ? zone[..dash] : null;
    }

    private Uri PageUrl(string project, string? pageToken)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"maxResults={pageSize}&returnPartialSuccess=true");
        if (pageToken is not null)
        {
            query += "&pageToken=" + Uri.EscapeDataString(pageToken);
        }

        return new Uri(computeEndpoint, $"projects/{Uri.EscapeDataString(project)}/aggregated/instances?{query}");
    }
}
