namespace PostureScan.Emulator.Worlds;

/// <summary>A service account that the token endpoint issues access tokens to.</summary>
public sealed record GcpServiceAccount
{
    /// <summary>The client_email of its key file, the "iss" of its token request.</summary>
    public string Email { get; init; } = "";

    /// <summary>The key's public half (PEM). When set, token requests must be signed by the private half.</summary>
    public string? PublicKey { get; init; }
}
