namespace PostureScan.Emulator.Worlds;

/// <summary>GCP as the emulator sees it: the service accounts that may get tokens, and the projects.</summary>
public sealed record GcpWorld
{
    public IReadOnlyList<GcpServiceAccount> ServiceAccounts { get; init; } = [];

    /// <summary>Every project is visible to every service account through Resource Manager.</summary>
    public IReadOnlyList<GcpProject> Projects { get; init; } = [];
}
