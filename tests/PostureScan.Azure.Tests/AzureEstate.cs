using PostureScan.Emulator;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Azure.Tests;

/// <summary>Builds Azure emulator worlds and scanner options for the collector tests.</summary>
internal static class AzureEstate
{
    public const string Tenant = "7d3c6f0e-1a2b-4c3d-9e8f-0a1b2c3d4e01";
    public const string OtherTenant = "7d3c6f0e-1a2b-4c3d-9e8f-0a1b2c3d4e02";
    public const string ClientId = "5b1e2d3c-4f5a-4b6c-8d7e-9f0a1b2c3d01";
    public const string Secret = "scanner-secret";
    public const string Prod = "11111111-2222-4333-8444-000000000001";
    public const string Security = "11111111-2222-4333-8444-000000000002";
    public const string Empty = "11111111-2222-4333-8444-000000000003";
    public const string Denied = "11111111-2222-4333-8444-000000000004";
    public const string Throttled = "11111111-2222-4333-8444-000000000005";
    public const string Foreign = "99999999-8888-4777-8666-000000000009";

    public static AzureOptions Options(EmulatorHost host, params string[] subscriptions) => new()
    {
        Subscriptions = [.. subscriptions],
        TenantId = Tenant,
        ClientId = ClientId,
        ClientSecret = Secret,
        ArmEndpoint = host.HttpsEndpoint.ToString(),
        AuthorityHost = host.HttpsEndpoint.ToString(),
        TrustedCertificateThumbprint = host.CertificateThumbprint,
        MaxRetries = 3,
        RetryDelayMs = 10,
    };

    public static World World(int pageSize, params AzureSubscription[] subscriptions) => new()
    {
        Azure = new AzureWorld
        {
            PageSize = pageSize,
            Tenants =
            [
                new AzureTenant { Id = Tenant, Applications = [new AzureApplication { ClientId = ClientId, ClientSecret = Secret }] },
                new AzureTenant { Id = OtherTenant },
            ],
            Subscriptions = [.. subscriptions],
        },
    };

    public static AzureSubscription Subscription(string id, string tenant = Tenant) => new() { Id = id, TenantId = tenant, DisplayName = "sub-" + id[^2..] };

    public static string NicId(string subscription, string name) =>
        $"/subscriptions/{subscription}/resourceGroups/rg-app/providers/Microsoft.Network/networkInterfaces/{name}";

    public static string TapId(string subscription, string name) =>
        $"/subscriptions/{subscription}/resourceGroups/rg-mirror/providers/Microsoft.Network/virtualNetworkTaps/{name}";

    public static string SubnetId(string subscription) =>
        $"/subscriptions/{subscription}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-app/subnets/app";

    /// <summary>A NIC on a VM, with one IP configuration, tapped into the given vTAPs.</summary>
    public static AzureNetworkInterface Nic(string subscription, string name, string ip, params string[] taps) => new()
    {
        Name = name,
        ResourceGroup = "rg-app",
        VirtualMachine = $"/subscriptions/{subscription}/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-{name}",
        IpConfigurations = [new AzureIpConfiguration { Name = "ipconfig1", PrivateIPAddress = ip, Subnet = SubnetId(subscription) }],
        TapConfigurations = [.. taps.Select((t, i) => new AzureTapConfiguration { Name = $"tapcfg-{i}", VirtualNetworkTap = t })],
        Tags = new Dictionary<string, string> { ["role"] = name },
    };

    public static AzureVirtualNetworkTap TapToNic(string name, string destinationNicId) => new()
    {
        Name = name,
        ResourceGroup = "rg-mirror",
        DestinationNetworkInterfaceIPConfiguration = destinationNicId + "/ipConfigurations/ipconfig1",
        Tags = new Dictionary<string, string> { ["owner"] = "secops" },
    };
}
