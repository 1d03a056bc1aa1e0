using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Arm;

/// <summary>
/// Case-insensitive lookups over the azure section (ARM ids and names ignore case), and the
/// back-references ARM computes: which tap configurations, in any subscription, feed each TAP.
/// </summary>
internal sealed class ArmWorldIndex
{
    private static readonly StringComparer Ids = StringComparer.OrdinalIgnoreCase;
    private readonly Dictionary<string, AzureSubscription> _subscriptions;
    private readonly Dictionary<string, (AzureTenant Tenant, AzureApplication Application)> _applications;
    private readonly Dictionary<string, Located<AzureNetworkInterface>> _nics = new(Ids);
    private readonly Dictionary<string, Located<AzureLoadBalancer>> _loadBalancers = new(Ids);
    private readonly Dictionary<string, Located<AzureVirtualNetworkTap>> _taps = new(Ids);
    private readonly Dictionary<string, List<string>> _tapConfigurations = new(Ids);
    private readonly Dictionary<string, HashSet<string>> _resourceGroups = new(Ids);

    /// <summary>The Activity Logs of the audit section, when the host serves them.</summary>
    public ActivityLog.ActivityLogIndex? ActivityLogs { get; init; }

    public ArmWorldIndex(AzureWorld world)
    {
        PageSize = world.PageSize;
        _subscriptions = world.Subscriptions.ToDictionary(s => s.Id, Ids);
        _applications = world.Tenants.SelectMany(t => t.Applications.Select(a => (t, a))).ToDictionary(p => p.a.ClientId, p => (p.t, p.a), Ids);
        foreach (var s in world.Subscriptions)
        {
            var groups = new HashSet<string>(Ids);
            _resourceGroups[s.Id] = groups;
            foreach (var tap in s.VirtualNetworkTaps)
            {
                var id = ArmIds.Network(s.Id, tap.ResourceGroup, "virtualNetworkTaps", tap.Name);
                _taps[id] = new(id, tap);
                groups.Add(tap.ResourceGroup);
            }

            foreach (var nic in s.NetworkInterfaces)
            {
                var id = ArmIds.Network(s.Id, nic.ResourceGroup, "networkInterfaces", nic.Name);
                _nics[id] = new(id, nic);
                groups.Add(nic.ResourceGroup);
                foreach (var tapConfiguration in nic.TapConfigurations)
                {
                    if (!_tapConfigurations.TryGetValue(tapConfiguration.VirtualNetworkTap, out var feeding))
                    {
                        _tapConfigurations[tapConfiguration.VirtualNetworkTap] = feeding = [];
                    }

                    feeding.Add($"{id}/tapConfigurations/{tapConfiguration.Name}");
                }
            }

            foreach (var balancer in s.LoadBalancers)
            {
                var id = ArmIds.Network(s.Id, balancer.ResourceGroup, "loadBalancers", balancer.Name);
                _loadBalancers[id] = new(id, balancer);
                groups.Add(balancer.ResourceGroup);
            }
        }
    }

    public int PageSize { get; }

    public IEnumerable<AzureSubscription> Subscriptions => _subscriptions.Values;

    public AzureSubscription? Subscription(string id) => _subscriptions.GetValueOrDefault(id);

    public (AzureTenant Tenant, AzureApplication Application)? Application(string clientId) =>
        _applications.TryGetValue(clientId, out var found) ? found : null;

    public bool HasResourceGroup(string subscription, string group) =>
        _resourceGroups.TryGetValue(subscription, out var groups) && groups.Contains(group);

    public Located<AzureVirtualNetworkTap>? Tap(string id) => _taps.GetValueOrDefault(id);

    public Located<AzureNetworkInterface>? NetworkInterface(string id) => _nics.GetValueOrDefault(id);

    public Located<AzureLoadBalancer>? LoadBalancer(string id) => _loadBalancers.GetValueOrDefault(id);

    /// <summary>A resource with its id as the world spells it (ARM answers with the canonical spelling).</summary>
    internal sealed record Located<T>(string Id, T Value);

    /// <summary>Ids of the tap configurations that name this TAP, in world order.</summary>
    public IReadOnlyList<string> TapConfigurationsOf(string tapId) =>
        _tapConfigurations.TryGetValue(tapId, out var feeding) ? feeding : [];
}
