namespace PostureScan.Emulator.Worlds;

/// <summary>AWS as the emulator sees it: long-term access keys and the accounts they reach.</summary>
public sealed record AwsWorld
{
    /// <summary>Long-term access keys; each maps to one account.</summary>
    public IReadOnlyList<AwsCredential> Credentials { get; init; } = [];

    public IReadOnlyList<AwsAccount> Accounts { get; init; } = [];
}
