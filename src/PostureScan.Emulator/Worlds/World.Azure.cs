namespace PostureScan.Emulator.Worlds;

public sealed partial record World
{
    /// <summary>The Azure section: tenants with their applications, and subscriptions with their network resources.</summary>
    public AzureWorld Azure { get; init; } = new();
}
