using System.Text.RegularExpressions;

namespace PostureScan.Azure;

/// <summary>
/// The resource types a vTAP refers to, and how to get from a sub-resource id to the resource that
/// holds it. Read from the text of the id, so an id the SDK's parser refuses (the specification's
/// examples use "subid") still names its parts.
/// </summary>
internal static partial class NetworkIds
{
    public const string TapConfiguration = "Microsoft.Network/networkInterfaces/tapConfigurations";
    public const string NicIpConfiguration = "Microsoft.Network/networkInterfaces/ipConfigurations";
    public const string Frontend = "Microsoft.Network/loadBalancers/frontendIPConfigurations";
    public const string Subnet = "Microsoft.Network/virtualNetworks/subnets";

    /// <summary>Dictionary key comparer of resource ids: ARM ids compare without regard to case.</summary>
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>The id of the resource that holds <paramref name="id"/>, when it is a sub-resource of the type; else null.</summary>
    public static string? Parent(string? id, string childType) =>
        id is not null && SubResource().Match(id) is { Success: true } m
        && string.Equals($"{m.Groups["ns"].Value}/{m.Groups["type"].Value}/{m.Groups["child"].Value}", childType, StringComparison.OrdinalIgnoreCase)
            ? m.Groups["parent"].Value
            : null;

    /// <summary>The last segment of an id: the resource's name.</summary>
    public static string Name(string id) => id[(id.LastIndexOf('/') + 1)..];

    /// <summary>The subscription an id names, if it names one.</summary>
    public static string? SubscriptionOf(string? id) =>
        id is not null && Subscription().Match(id) is { Success: true } m ? m.Groups["sub"].Value : null;

    [GeneratedRegex(
        "^(?<parent>/subscriptions/[^/]{1,64}/resourceGroups/[^/]{1,90}/providers/(?<ns>[A-Za-z.]{1,64})/(?<type>[A-Za-z]{1,64})/[^/]{1,260})/(?<child>[A-Za-z]{1,64})/[^/]{1,260}$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubResource();

    [GeneratedRegex("^/subscriptions/(?<sub>[^/]{1,64})(/|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Subscription();
}
