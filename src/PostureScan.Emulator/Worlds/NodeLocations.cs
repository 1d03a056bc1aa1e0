using YamlDotNet.Core;

namespace PostureScan.Emulator.Worlds;

/// <summary>Where in the YAML each deserialized object started, so validation errors can name a line.</summary>
internal sealed class NodeLocations
{
    private readonly Dictionary<object, Mark> _marks = new(ReferenceEqualityComparer.Instance);

    public void Record(object node, Mark start) => _marks[node] = start;

    public (long Line, long Column) Of(object node) =>
        _marks.TryGetValue(node, out var mark) ? (mark.Line, mark.Column) : (0, 0);

    /// <summary>"AwsMirrorSession" reads as "session" in messages.</summary>
    public static string Friendly(string typeName)
    {
        var name = typeName.Contains('.', StringComparison.Ordinal) ? typeName[(typeName.LastIndexOf('.') + 1)..] : typeName;
        return name switch
        {
            "World" => "the world",
            "AwsWorld" => "aws",
            "AwsCredential" => "a credential",
            "AwsAccount" => "an account",
            "AwsRole" => "a role",
            "AwsRegion" => "a region",
            "Faults" => "faults",
            "AwsMirrorSession" => "a session",
            "AwsMirrorTarget" => "a target",
            "AwsMirrorFilter" => "a filter",
            "AwsFilterRule" => "a filter rule",
            "AwsPortRange" => "a port range",
            "AwsNetworkInterface" => "a network interface",
            "TrailBucket" => "a trail bucket",
            "AzureWorld" => "azure",
            "AzureTenant" => "a tenant",
            "AzureApplication" => "an application",
            "AzureSubscription" => "a subscription",
            "AzureVirtualNetworkTap" => "a virtual network TAP",
            "AzureNetworkInterface" => "an Azure network interface",
            "AzureIpConfiguration" => "an IP configuration",
            "AzureTapConfiguration" => "a tap configuration",
            "AzureLoadBalancer" => "a load balancer",
            "AzureFrontendIpConfiguration" => "a frontend IP configuration",
            _ => name,
        };
    }
}
