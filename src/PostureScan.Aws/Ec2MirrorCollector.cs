using Amazon.EC2;
using Amazon.EC2.Model;
using PostureScan.Core.Inventory;
using Scope = PostureScan.Core.Inventory.Scope;

namespace PostureScan.Aws;

/// <summary>
/// Reads one account and region: sessions, targets and filters through the SDK's paginators, then
/// the network interfaces they name, and joins them into <see cref="MirrorSession"/> records.
/// Only Describe calls are made.
/// </summary>
internal sealed class Ec2MirrorCollector(IAmazonEC2 ec2, int pageSize)
{
    // DescribeNetworkInterfaces accepts up to 200 filter values; stay well under it.
    private const int FilterBatch = 100;

    public async Task<IReadOnlyList<MirrorSession>> CollectAsync(Scope scope, CancellationToken ct)
    {
        var sessions = new List<TrafficMirrorSession>();
        await foreach (var page in ec2.Paginators.DescribeTrafficMirrorSessions(
                           new DescribeTrafficMirrorSessionsRequest { MaxResults = pageSize }).Responses.WithCancellation(ct))
        {
            sessions.AddRange(page.TrafficMirrorSessions ?? []);
        }

        if (sessions.Count == 0)
        {
            return [];
        }

        // Targets and filters do not depend on each other, nor do the two interface lookups: asked at once,
        // a scope takes three round trips instead of five (what a slow region waits on). The requests still
        // count against the scan's limit of requests in flight, so the scan as a whole asks no faster.
        var targetsTask = ListTargetsAsync(ct);
        var filtersTask = ListFiltersAsync(ct);
        await Task.WhenAll(targetsTask, filtersTask);
        var targets = await targetsTask;
        var filters = await filtersTask;

        var interfaceIds = sessions.Select(s => s.NetworkInterfaceId)
            .Concat(targets.Values.Select(t => t.NetworkInterfaceId))
            .OfType<string>();

        // An NLB's own interfaces carry the description "ELB net/NAME/ID"; a public IP on any of them
        // means the load balancer is internet-facing. This keeps the check inside EC2's read API.
        var nlbDescriptions = targets.Values.Select(t => t.NetworkLoadBalancerArn).OfType<string>()
            .Select(Ec2Mapping.LoadBalancerInterfaceDescription).OfType<string>();
        var interfacesTask = DescribeInterfacesAsync("network-interface-id", interfaceIds, ct);
        var nlbInterfacesTask = DescribeInterfacesAsync("description", nlbDescriptions, ct);
        await Task.WhenAll(interfacesTask, nlbInterfacesTask);
        var interfaces = await interfacesTask;
        var nlbInterfaces = await nlbInterfacesTask;

        var context = new Ec2Mapping.Context(scope, targets, filters, interfaces, nlbInterfaces);
        return [.. sessions.Select(s => Ec2Mapping.ToSession(s, context))];
    }

    private async Task<Dictionary<string, TrafficMirrorTarget>> ListTargetsAsync(CancellationToken ct)
    {
        var targets = new Dictionary<string, TrafficMirrorTarget>(StringComparer.Ordinal);
        await foreach (var page in ec2.Paginators.DescribeTrafficMirrorTargets(
                           new DescribeTrafficMirrorTargetsRequest { MaxResults = pageSize }).Responses.WithCancellation(ct))
        {
            foreach (var t in page.TrafficMirrorTargets ?? [])
            {
                targets[t.TrafficMirrorTargetId] = t;
            }
        }

        return targets;
    }

    private async Task<Dictionary<string, TrafficMirrorFilter>> ListFiltersAsync(CancellationToken ct)
    {
        var filters = new Dictionary<string, TrafficMirrorFilter>(StringComparer.Ordinal);
        await foreach (var page in ec2.Paginators.DescribeTrafficMirrorFilters(
                           new DescribeTrafficMirrorFiltersRequest { MaxResults = pageSize }).Responses.WithCancellation(ct))
        {
            foreach (var f in page.TrafficMirrorFilters ?? [])
            {
                filters[f.TrafficMirrorFilterId] = f;
            }
        }

        return filters;
    }

    private async Task<IReadOnlyList<NetworkInterface>> DescribeInterfacesAsync(
        string filterName, IEnumerable<string> values, CancellationToken ct)
    {
        var result = new List<NetworkInterface>();
        foreach (var batch in values.Distinct(StringComparer.Ordinal).Chunk(FilterBatch))
        {
            // A filter, not NetworkInterfaceIds: an id from another account must not fail the whole call.
            var request = new DescribeNetworkInterfacesRequest
            {
                Filters = [new Filter(filterName, [.. batch])],
                MaxResults = Math.Max(pageSize, 5),
            };
            await foreach (var page in ec2.Paginators.DescribeNetworkInterfaces(request).Responses.WithCancellation(ct))
            {
                result.AddRange(page.NetworkInterfaces ?? []);
            }
        }

        return result;
    }
}
