using System.Text.Json;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Arm;

/// <summary>
/// Microsoft.Network resources in the shapes of the network resource provider: a nested
/// "properties" object, weak etags, and sub-resources as {"id": ...} references.
/// </summary>
internal static class NetworkJson
{
    public const string TapType = "Microsoft.Network/virtualNetworkTaps";
    public const string NicType = "Microsoft.Network/networkInterfaces";
    public const string TapConfigurationType = "Microsoft.Network/networkInterfaces/tapConfigurations";
    public const string IpConfigurationType = "Microsoft.Network/networkInterfaces/ipConfigurations";
    public const string LoadBalancerType = "Microsoft.Network/loadBalancers";
    public const string FrontendType = "Microsoft.Network/loadBalancers/frontendIPConfigurations";

    public static void Tap(Utf8JsonWriter w, string id, AzureVirtualNetworkTap tap, IReadOnlyList<string> tapConfigurations)
    {
        Header(w, id, tap.Name, TapType, tap.Location, tap.Tags);
        w.WriteStartObject("properties");
        w.Reference("destinationNetworkInterfaceIPConfiguration", tap.DestinationNetworkInterfaceIPConfiguration);
        w.Reference("destinationLoadBalancerFrontEndIPConfiguration", tap.DestinationLoadBalancerFrontEndIPConfiguration);
        w.Optional("destinationPort", tap.DestinationPort);
        w.WriteString("provisioningState", tap.ProvisioningState);
        w.WriteString("resourceGuid", ArmIds.StableGuid(id).ToString());
        w.WriteStartArray("networkInterfaceTapConfigurations");
        foreach (var configuration in tapConfigurations)
        {
            w.WriteStartObject();
            w.WriteString("id", configuration);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void NetworkInterface(Utf8JsonWriter w, string id, AzureNetworkInterface nic)
    {
        Header(w, id, nic.Name, NicType, nic.Location, nic.Tags);
        w.WriteStartObject("properties");
        w.WriteString("provisioningState", "Succeeded");
        w.WriteString("resourceGuid", ArmIds.StableGuid(id).ToString());
        w.WriteStartArray("ipConfigurations");
        foreach (var configuration in nic.IpConfigurations)
        {
            IpConfiguration(w, $"{id}/ipConfigurations/{configuration.Name}", configuration);
        }

        w.WriteEndArray();
        w.WriteStartArray("tapConfigurations");
        foreach (var configuration in nic.TapConfigurations)
        {
            TapConfiguration(w, $"{id}/tapConfigurations/{configuration.Name}", configuration);
        }

        w.WriteEndArray();
        w.Optional("macAddress", nic.MacAddress);
        w.WriteBoolean("enableAcceleratedNetworking", false);
        w.WriteBoolean("enableIPForwarding", false);
        w.WriteBoolean("primary", true);
        w.Reference("virtualMachine", nic.VirtualMachine);
        w.WriteStartArray("hostedWorkloads");
        w.WriteEndArray();
        w.WriteString("nicType", "Standard");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void TapConfiguration(Utf8JsonWriter w, string id, AzureTapConfiguration configuration)
    {
        w.WriteStartObject();
        w.WriteString("name", configuration.Name);
        w.WriteString("id", id);
        w.WriteString("etag", ArmIds.Etag(id));
        w.WriteString("type", TapConfigurationType);
        w.WriteStartObject("properties");
        w.WriteString("provisioningState", configuration.ProvisioningState);
        w.Reference("virtualNetworkTap", configuration.VirtualNetworkTap);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void IpConfiguration(Utf8JsonWriter w, string id, AzureIpConfiguration configuration)
    {
        w.WriteStartObject();
        w.WriteString("name", configuration.Name);
        w.WriteString("id", id);
        w.WriteString("etag", ArmIds.Etag(id));
        w.WriteString("type", IpConfigurationType);
        w.WriteStartObject("properties");
        w.WriteString("provisioningState", "Succeeded");
        w.Optional("privateIPAddress", configuration.PrivateIPAddress);
        w.WriteString("privateIPAllocationMethod", "Dynamic");
        w.Reference("publicIPAddress", configuration.PublicIPAddress);
        w.Reference("subnet", configuration.Subnet);
        w.WriteBoolean("primary", configuration.Primary);
        w.WriteString("privateIPAddressVersion", "IPv4");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void LoadBalancer(Utf8JsonWriter w, string id, AzureLoadBalancer balancer)
    {
        Header(w, id, balancer.Name, LoadBalancerType, balancer.Location, balancer.Tags);
        w.WriteStartObject("sku");
        w.WriteString("name", balancer.Sku);
        w.WriteString("tier", "Regional");
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteString("provisioningState", "Succeeded");
        w.WriteString("resourceGuid", ArmIds.StableGuid(id).ToString());
        w.WriteStartArray("frontendIPConfigurations");
        foreach (var frontend in balancer.FrontendIPConfigurations)
        {
            Frontend(w, $"{id}/frontendIPConfigurations/{frontend.Name}", frontend);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void Frontend(Utf8JsonWriter w, string id, AzureFrontendIpConfiguration frontend)
    {
        w.WriteStartObject();
        w.WriteString("name", frontend.Name);
        w.WriteString("id", id);
        w.WriteString("etag", ArmIds.Etag(id));
        w.WriteString("type", FrontendType);
        w.WriteStartObject("properties");
        w.WriteString("provisioningState", "Succeeded");
        w.Optional("privateIPAddress", frontend.PrivateIPAddress);
        if (frontend.PrivateIPAddress is not null)
        {
            w.WriteString("privateIPAllocationMethod", "Static");
            w.WriteString("privateIPAddressVersion", "IPv4");
        }

        w.Reference("subnet", frontend.Subnet);
        w.Reference("publicIPAddress", frontend.PublicIPAddress);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The common head of a tracked resource: name, id, etag, type, location, tags.</summary>
    private static void Header(Utf8JsonWriter w, string id, string name, string type, string location, IReadOnlyDictionary<string, string> tags)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("id", id);
        w.WriteString("etag", ArmIds.Etag(id));
        w.WriteString("type", type);
        w.WriteString("location", location);
        w.Tags(tags);
    }
}
