namespace PostureScan.Emulator.Worlds;

/// <summary>
/// One subscription and the Microsoft.Network resources in it. Applications of its tenant may read it;
/// everyone else is refused with AuthorizationFailed.
/// </summary>
public sealed record AzureSubscription
{
    /// <summary>The subscription id, a GUID.</summary>
    public string Id { get; init; } = "";

    /// <summary>The tenant that holds the subscription; its applications see it in GET /subscriptions.</summary>
    public string TenantId { get; init; } = "";

    public string? DisplayName { get; init; }

    /// <summary>Enabled (default), Warned, PastDue, Disabled or Deleted.</summary>
    public string State { get; init; } = "Enabled";

    /// <summary>Faults for every call into the subscription.</summary>
    public Faults? Faults { get; init; }

    public IReadOnlyList<AzureVirtualNetworkTap> VirtualNetworkTaps { get; init; } = [];

    public IReadOnlyList<AzureNetworkInterface> NetworkInterfaces { get; init; } = [];

    public IReadOnlyList<AzureLoadBalancer> LoadBalancers { get; init; } = [];
}
