using System.Collections.Concurrent;
using Azure.Core;
using Azure.ResourceManager;
using PostureScan.Core.Inventory;

namespace PostureScan.Azure;

/// <summary>
/// Reads one subscription: every virtual network TAP (one listing, paged), then each NIC and load
/// balancer the TAPs refer to with one GET each, and joins them into <see cref="MirrorSession"/>s.
/// Only GETs are made.
/// </summary>
internal sealed class TapCollector(ArmClient arm, ArmLister lister, AzureOptions options)
{
    public async Task<IReadOnlyList<MirrorSession>> CollectAsync(Scope scope, CancellationToken ct)
    {
        var taps = await lister.ListAsync(
            $"/subscriptions/{scope.Account}/providers/Microsoft.Network/virtualNetworkTaps", options.ApiVersion, ct);
        if (taps.Count == 0)
        {
            return [];
        }

        var reader = new ResourceReader(arm, scope.Account);
        var referenced = taps.SelectMany(TapMapping.Referenced).Distinct(NetworkIds.Comparer).ToList();
        var resolved = new ConcurrentDictionary<string, Resolved>(NetworkIds.Comparer);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = ct };
        await Parallel.ForEachAsync(referenced, parallel, async (id, token) =>
            resolved[id] = ResourceIdentifier.TryParse(id, out var parsed) && parsed is not null
                ? await reader.GetAsync(parsed, token)
                : new Resolved(null, "not a resource id"));

        return [.. taps.Select(t => TapMapping.ToSession(t, scope, resolved)).OrderBy(s => s.Id, StringComparer.Ordinal)];
    }
}
