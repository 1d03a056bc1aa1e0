using System.Text.RegularExpressions;

namespace PostureScan.Emulator.Worlds;

/// <summary>The checks of the azure section: GUIDs, references to tenants, resource names and ids.</summary>
internal sealed partial class WorldValidator
{
    private static readonly string[] SubscriptionStates = ["Enabled", "Warned", "PastDue", "Disabled", "Deleted"];
    private static readonly string[] ProvisioningStates = ["Succeeded", "Updating", "Deleting", "Failed"];
    private static readonly string[] LoadBalancerSkus = ["Basic", "Standard", "Gateway"];

    private void ValidateAzure(AzureWorld azure)
    {
        Require(azure, azure.PageSize is >= 1 and <= 1000, "pageSize must be between 1 and 1000");
        var tenants = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var clients = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var tenant in azure.Tenants)
        {
            Require(tenant, Guid.TryParse(tenant.Id, out _), $"tenant id '{tenant.Id}' must be a GUID");
            Require(tenant, tenants.Add(tenant.Id), $"tenant '{tenant.Id}' is listed twice");
            foreach (var application in tenant.Applications)
            {
                Require(application, Guid.TryParse(application.ClientId, out _), $"clientId '{application.ClientId}' must be a GUID");
                Require(application, clients.Add(application.ClientId), $"application '{application.ClientId}' is listed twice");
                Require(application, application.ClientSecret.Length > 0, "an application needs a clientSecret");
            }
        }

        var subscriptions = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var subscription in azure.Subscriptions)
        {
            Require(subscription, Guid.TryParse(subscription.Id, out _), $"subscription id '{subscription.Id}' must be a GUID");
            Require(subscription, subscriptions.Add(subscription.Id), $"subscription '{subscription.Id}' is listed twice");
            Require(subscription, tenants.Contains(subscription.TenantId), $"subscription '{subscription.Id}' names tenant '{subscription.TenantId}', which is not in azure.tenants");
            OneOf(subscription, "state", subscription.State, SubscriptionStates);
            ValidateFaults(subscription.Faults);
            ValidateSubscription(subscription);
        }
    }

    private void ValidateSubscription(AzureSubscription subscription)
    {
        UniqueResources(subscription.VirtualNetworkTaps, t => (t.ResourceGroup, t.Name), "virtual network TAP");
        foreach (var tap in subscription.VirtualNetworkTaps)
        {
            Resource(tap, tap.Name, tap.ResourceGroup, tap.Location);
            var nic = tap.DestinationNetworkInterfaceIPConfiguration;
            var frontend = tap.DestinationLoadBalancerFrontEndIPConfiguration;
            Require(tap, nic is null != frontend is null,
                $"virtual network TAP '{tap.Name}' needs exactly one of destinationNetworkInterfaceIPConfiguration and destinationLoadBalancerFrontEndIPConfiguration");
            Require(tap, nic is null || ChildId(nic, "networkInterfaces", "ipConfigurations"), $"'{nic}' is not a network interface IP configuration id");
            Require(tap, frontend is null || ChildId(frontend, "loadBalancers", "frontendIPConfigurations"), $"'{frontend}' is not a load balancer frontend IP configuration id");
            Require(tap, tap.DestinationPort is null or >= 1 and <= 65535, "destinationPort must be between 1 and 65535");
            OneOf(tap, "provisioningState", tap.ProvisioningState, ProvisioningStates);
        }

        UniqueResources(subscription.NetworkInterfaces, n => (n.ResourceGroup, n.Name), "network interface");
        foreach (var nic in subscription.NetworkInterfaces)
        {
            Resource(nic, nic.Name, nic.ResourceGroup, nic.Location);
            Unique(nic.IpConfigurations, c => c.Name, "IP configuration");
            Unique(nic.TapConfigurations, c => c.Name, "tap configuration");
            foreach (var tapConfiguration in nic.TapConfigurations)
            {
                Require(tapConfiguration, Name().IsMatch(tapConfiguration.Name), $"tap configuration name '{tapConfiguration.Name}' is not a valid resource name");
                Require(tapConfiguration, TopLevelId(tapConfiguration.VirtualNetworkTap, "virtualNetworkTaps"),
                    $"'{tapConfiguration.VirtualNetworkTap}' is not a virtual network TAP id");
                OneOf(tapConfiguration, "provisioningState", tapConfiguration.ProvisioningState, ProvisioningStates);
            }
        }

        UniqueResources(subscription.LoadBalancers, l => (l.ResourceGroup, l.Name), "load balancer");
        foreach (var balancer in subscription.LoadBalancers)
        {
            Resource(balancer, balancer.Name, balancer.ResourceGroup, balancer.Location);
            OneOf(balancer, "sku", balancer.Sku, LoadBalancerSkus);
            Unique(balancer.FrontendIPConfigurations, f => f.Name, "frontend IP configuration");
        }
    }

    private void Resource(object node, string name, string resourceGroup, string location)
    {
        Require(node, Name().IsMatch(name), $"name '{name}' is not a valid resource name");
        Require(node, Name().IsMatch(resourceGroup), $"resourceGroup '{resourceGroup}' is not a valid resource group name");
        Require(node, Location().IsMatch(location), $"location '{location}' is not a region name such as eastus");
    }

    private void UniqueResources<T>(IReadOnlyList<T> items, Func<T, (string Group, string Name)> key, string what)
        where T : class
    {
        // ARM names are case-insensitive, and so are resource group names.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            var (group, name) = key(item);
            Require(item, seen.Add($"{group}/{name}"), $"{what} '{name}' is listed twice in resource group '{group}'");
        }
    }

    private static bool TopLevelId(string id, string type) =>
        ResourceId().Match(id) is { Success: true } m && m.Groups["type"].Value.Equals(type, StringComparison.OrdinalIgnoreCase)
        && !m.Groups["child"].Success;

    private static bool ChildId(string id, string type, string child) =>
        ResourceId().Match(id) is { Success: true } m && m.Groups["type"].Value.Equals(type, StringComparison.OrdinalIgnoreCase)
        && m.Groups["child"].Value.Equals(child, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.()-]{0,89}$")]
    private static partial Regex Name();

    [GeneratedRegex("^[a-z][a-z0-9]{1,39}$")]
    private static partial Regex Location();

    [GeneratedRegex(
        "^/subscriptions/[0-9A-Fa-f-]{36}/resourceGroups/[A-Za-z0-9_.()-]{1,90}/providers/Microsoft\\.Network/(?<type>[A-Za-z]+)/[A-Za-z0-9_.()-]{1,90}(/(?<child>[A-Za-z]+)/[A-Za-z0-9_.()-]{1,90})?$",
        RegexOptions.IgnoreCase)]
    private static partial Regex ResourceId();
}
