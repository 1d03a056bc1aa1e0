namespace PostureScan.Emulator.Worlds;

/// <summary>An Entra ID tenant and the applications (service principals) that may sign in to it.</summary>
public sealed record AzureTenant
{
    /// <summary>The tenant id, a GUID.</summary>
    public string Id { get; init; } = "";

    public IReadOnlyList<AzureApplication> Applications { get; init; } = [];
}
