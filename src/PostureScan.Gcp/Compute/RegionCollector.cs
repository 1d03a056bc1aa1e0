using System.Text.Json;
using PostureScan.Core.Inventory;
using PostureScan.Gcp.Mapping;
using PostureScan.Gcp.Rest;
using PostureScan.Gcp.Wire;

namespace PostureScan.Gcp.Compute;

/// <summary>
/// Turns one region's policies into sessions: fetches each subnetwork, instance and collector
/// forwarding rule they name (once each, concurrently within the client's bound), then maps.
/// </summary>
internal sealed class RegionCollector(GcpRestClient client, Uri computeEndpoint)
{
    public async Task<IReadOnlyList<MirrorSession>> CollectAsync(
        Scope scope, IReadOnlyList<JsonElement> policies, CallCounter counter, CancellationToken ct)
    {
        var parsed = policies
            .Select(raw => (Raw: raw, Policy: raw.Deserialize<PacketMirroring>(GcpJson.Options)))
            .Where(p => p.Policy is not null)
            .Select(p => (p.Raw, Policy: p.Policy!))
            .ToList();

        var paths = parsed
            .SelectMany(p => Referenced(p.Policy))
            .Select(ResourcePath.Parse)
            .OfType<ResourcePath>()
            .DistinctBy(p => p.Relative, StringComparer.Ordinal)
            .ToList();
        var fetched = await Task.WhenAll(paths.Select(p => FetchAsync(p, counter, ct)));
        var resolved = new ResolvedResources(fetched
            .Where(f => f.Json is not null)
            .ToDictionary(f => f.Path.Relative, f => f.Json!.Value, StringComparer.Ordinal));

        return [.. parsed.Select(p => PacketMirroringMapper.ToSession(scope, p.Raw, p.Policy, resolved))];
    }

    private static IEnumerable<string?> Referenced(PacketMirroring policy) =>
        Limits.Take(policy.MirroredResources?.Subnetworks, Limits.Subnetworks).Select(s => s.Url)
            .Concat(Limits.Take(policy.MirroredResources?.Instances, Limits.Instances).Select(i => i.Url))
            .Append(policy.CollectorIlb?.Url);

    private async Task<(ResourcePath Path, JsonElement? Json)> FetchAsync(ResourcePath path, CallCounter counter, CancellationToken ct)
    {
        try
        {
            return (path, await client.GetAsync(new Uri(computeEndpoint, path.Relative), counter, ct));
        }
        catch (GcpApiException e) when (e.IsNotVisible)
        {
            // A collector in a project we cannot read, or a subnet deleted since: record the policy anyway.
            return (path, null);
        }
    }
}
