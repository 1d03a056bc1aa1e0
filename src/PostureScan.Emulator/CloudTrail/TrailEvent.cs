using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.CloudTrail;

/// <summary>A world event of one account and region, with its CloudTrail record rendered once.</summary>
internal sealed record TrailEvent(AuditRecord Record, string Account, string Region, string EventId, string Json)
{
    public DateTimeOffset Time => Record.Time;

    public string Source => Record.Service ?? CloudTrailRecords.DefaultSource;
}
