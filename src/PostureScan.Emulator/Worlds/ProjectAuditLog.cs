namespace PostureScan.Emulator.Worlds;

/// <summary>The Cloud Audit Logs of one project (admin activity, and data access for reads).</summary>
public sealed record ProjectAuditLog
{
    /// <summary>The project id; it must be in gcp.projects.</summary>
    public string Project { get; init; } = "";

    public IReadOnlyList<AuditRecord> Events { get; init; } = [];
}
