namespace PostureScan.Emulator.Worlds;

/// <summary>
/// The Activity Log of one subscription. Each write is logged as Azure logs it: a BeginRequest (Started)
/// and an EndRequest (Succeeded, or Failed with the event's error code) sharing one operation id.
/// </summary>
public sealed record ActivityLog
{
    /// <summary>The subscription id; it must be in azure.subscriptions.</summary>
    public string Subscription { get; init; } = "";

    public IReadOnlyList<AuditRecord> Events { get; init; } = [];
}
