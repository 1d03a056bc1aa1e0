using PostureScan.Emulator.Worlds;

namespace PostureScan.Bench.Scale;

/// <summary>
/// The fewest calls that read a world's AWS mirrors completely: per account one AssumeRole and one
/// DescribeRegions; per region the pages of sessions, and (when there are sessions) of targets and
/// filters (filters carry their rules), then the source interfaces by id and the load balancers'
/// interfaces by description, at most <see cref="FilterValues"/> filter values per call.
/// </summary>
internal sealed record ApiMinimum(IReadOnlyDictionary<string, long> ByAction, int Scopes)
{
    /// <summary>EC2 accepts at most 200 values in one filter.</summary>
    public const int FilterValues = 200;

    public long Total => ByAction.Values.Sum();

    /// <summary>Calls the emulator delays: everything but STS (it injects faults into regional services only).</summary>
    public long Delayed => ByAction.Where(a => a.Key != "AssumeRole").Sum(a => a.Value);

    public double PerScope => Scopes == 0 ? 0 : (double)Total / Scopes;

    public static ApiMinimum Of(World world, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var calls = new Dictionary<string, long>(StringComparer.Ordinal);
        void Add(string action, long n) => calls[action] = calls.GetValueOrDefault(action) + n;

        var scopes = 0;
        foreach (var account in world.Aws.Accounts)
        {
            Add("AssumeRole", 1);
            Add("DescribeRegions", 1);
            foreach (var region in account.Regions.Where(r => r.OptInStatus != AwsOptInStatus.NotOptedIn))
            {
                scopes++;
                Add("DescribeTrafficMirrorSessions", Pages(region.Sessions.Count, pageSize));
                if (region.Sessions.Count == 0)
                {
                    continue;
                }

                Add("DescribeTrafficMirrorTargets", Pages(region.Targets.Count, pageSize));
                Add("DescribeTrafficMirrorFilters", Pages(region.Filters.Count, pageSize));
                var interfaces = region.Sessions.Select(s => s.NetworkInterfaceId)
                    .Concat(region.Targets.Select(t => t.NetworkInterfaceId)).OfType<string>().Distinct(StringComparer.Ordinal).Count();
                var balancers = region.Targets.Select(t => t.NetworkLoadBalancerArn).OfType<string>().Distinct(StringComparer.Ordinal).Count();
                Add("DescribeNetworkInterfaces", Batches(interfaces) + Batches(balancers));
            }
        }

        return new ApiMinimum(calls, scopes);
    }

    /// <summary>A listing costs one call even when empty.</summary>
    public static long Pages(int items, int pageSize) => Math.Max(1, (items + pageSize - 1) / pageSize);

    /// <summary>Filtered lookups: none for no values, else one per batch of filter values (each batch fits a page).</summary>
    public static long Batches(int values) => (values + FilterValues - 1) / FilterValues;
}
