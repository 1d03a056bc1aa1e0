namespace PostureScan.Emulator.Worlds;

/// <summary>The CloudTrail event history of one account and region.</summary>
public sealed record CloudTrailLog
{
    /// <summary>The twelve-digit account id; the account must be in aws.accounts with this region.</summary>
    public string Account { get; init; } = "";

    public string Region { get; init; } = "";

    /// <summary>Faults of LookupEvents in this scope; when null the region's (or account's) faults apply.</summary>
    public Faults? Faults { get; init; }

    public IReadOnlyList<AuditRecord> Events { get; init; } = [];
}
