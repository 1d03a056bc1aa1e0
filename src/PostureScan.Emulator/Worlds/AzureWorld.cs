namespace PostureScan.Emulator.Worlds;

/// <summary>Azure as the emulator sees it: Entra ID tenants and the subscriptions they hold.</summary>
public sealed record AzureWorld
{
    /// <summary>Items per page of every ARM listing; a longer listing carries a nextLink.</summary>
    public int PageSize { get; init; } = 100;

    public IReadOnlyList<AzureTenant> Tenants { get; init; } = [];

    public IReadOnlyList<AzureSubscription> Subscriptions { get; init; } = [];
}
