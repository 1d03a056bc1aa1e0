namespace PostureScan.Emulator.Worlds;

/// <summary>An application registration with a client secret: the client credentials flow signs in as it.</summary>
public sealed record AzureApplication
{
    /// <summary>The application (client) id, a GUID.</summary>
    public string ClientId { get; init; } = "";

    /// <summary>Compared as given; the token endpoint refuses any other secret.</summary>
    public string ClientSecret { get; init; } = "";

    /// <summary>The service principal's object id, shown in AuthorizationFailed messages; derived when empty.</summary>
    public string? ObjectId { get; init; }
}
