namespace PostureScan.Emulator.Worlds;

/// <summary>A load balancer (Microsoft.Network/loadBalancers) with its frontend IP configurations.</summary>
public sealed record AzureLoadBalancer
{
    public string Name { get; init; } = "";

    public string ResourceGroup { get; init; } = "";

    public string Location { get; init; } = "eastus";

    /// <summary>Basic, Standard (default) or Gateway.</summary>
    public string Sku { get; init; } = "Standard";

    public IReadOnlyList<AzureFrontendIpConfiguration> FrontendIPConfigurations { get; init; } = [];

    public IReadOnlyDictionary<string, string> Tags { get; init; } = Empty.Tags;
}
