using Azure.Core;

namespace PostureScan.Azure;

/// <summary>The resource types a vTAP refers to, and how to get from a sub-resource id to its resource.</summary>
internal static class NetworkIds
{
    public const string TapConfiguration = "Microsoft.Network/networkInterfaces/tapConfigurations";
    public const string NicIpConfiguration = "Microsoft.Network/networkInterfaces/ipConfigurations";
    public const string Frontend = "Microsoft.Network/loadBalancers/frontendIPConfigurations";
    public const string Subnet = "Microsoft.Network/virtualNetworks/subnets";

    /// <summary>The resource that holds <paramref name="id"/>, when it is a sub-resource of the type; else null.</summary>
    public static ResourceIdentifier? Parent(string? id, string childType) =>
        id is { Length: > 0 } && id.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase)
        && ResourceIdentifier.TryParse(id, out var parsed) && parsed is not null
        && string.Equals(parsed.ResourceType.ToString(), childType, StringComparison.OrdinalIgnoreCase)
        && parsed.Parent is { } parent
            ? parent
            : null;

    /// <summary>The subscription an id names, if it names one.</summary>
    public static string? SubscriptionOf(string? id) =>
        id is { Length: > 0 } && ResourceIdentifier.TryParse(id, out var parsed) && parsed is not null ? parsed.SubscriptionId : null;

    /// <summary>Dictionary key of a resource id: ARM ids compare without regard to case.</summary>
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;
}
