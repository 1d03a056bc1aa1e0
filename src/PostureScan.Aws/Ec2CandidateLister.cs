using Amazon.EC2;
using Amazon.EC2.Model;
using PostureScan.Core.Findings;
using PostureScan.Core.Scanning;

namespace PostureScan.Aws;

/// <summary>
/// Lists the network interfaces of one account and region that coverage rules may require to be
/// mirrored: DescribeNetworkInterfaces through the SDK's paginator, one listing per tag selector with
/// the selector as filters (tag:KEY=VALUE, or tag-key for "*"), or one unfiltered listing when a rule
/// takes every interface. Only Describe calls are made.
/// </summary>
internal sealed class Ec2CandidateLister(IAmazonEC2 ec2, int pageSize)
{
    public async Task<IReadOnlyList<CandidateSource>> ListAsync(CandidateQuery query, CancellationToken ct)
    {
        IEnumerable<List<Filter>> listings = query.SelectsAll
            ? [[]]
            : query.TagSelectors.Select(Filters).DistinctBy(FilterKey, StringComparer.Ordinal);
        var found = new Dictionary<string, CandidateSource>(StringComparer.Ordinal);
        foreach (var filters in listings)
        {
            var request = new DescribeNetworkInterfacesRequest { Filters = filters.Count > 0 ? filters : null, MaxResults = pageSize };
            await foreach (var page in ec2.Paginators.DescribeNetworkInterfaces(request).Responses.WithCancellation(ct))
            {
                foreach (var nic in page.NetworkInterfaces ?? [])
                {
                    if (nic.NetworkInterfaceId is { Length: > 0 } id)
                    {
                        found.TryAdd(id, new CandidateSource(query.Scope, Ec2Mapping.ToCandidate(nic)));
                    }
                }
            }
        }

        return [.. found.Values.OrderBy(c => c.Source.Id, StringComparer.Ordinal)];
    }

    private static List<Filter> Filters(IReadOnlyDictionary<string, string> selector) =>
        [.. selector.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value == "*" ? new Filter("tag-key", [p.Key]) : new Filter($"tag:{p.Key}", [p.Value]))];

    private static string FilterKey(List<Filter> filters) =>
        string.Join('\n', filters.Select(f => $"{f.Name}={string.Join(',', f.Values)}"));
}
