using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.CloudTrail;

/// <summary>Each account and region's CloudTrail events, rendered once and sorted newest first.</summary>
internal sealed class CloudTrailIndex
{
    private readonly Dictionary<(string Account, string Region), (CloudTrailLog Log, IReadOnlyList<TrailEvent> Events)> _logs = [];

    public CloudTrailIndex(AuditWorld audit)
    {
        foreach (var log in audit.CloudTrail)
        {
            var events = log.Events
                .Select((r, i) =>
                {
                    var id = CloudTrailRecords.EventId(r, log.Account, log.Region, i);
                    return new TrailEvent(r, log.Account, log.Region, id, CloudTrailRecords.Render(r, log.Account, log.Region, id));
                })
                .OrderByDescending(e => e.Time)
                .ThenBy(e => e.EventId, StringComparer.Ordinal)
                .ToList();
            _logs[(log.Account, log.Region)] = (log, events);
        }
    }

    /// <summary>The events of a scope, newest first; empty when the world gives it none.</summary>
    public IReadOnlyList<TrailEvent> Events(string account, string region) =>
        _logs.TryGetValue((account, region), out var entry) ? entry.Events : [];

    public Faults? Faults(string account, string region) =>
        _logs.TryGetValue((account, region), out var entry) ? entry.Log.Faults : null;

    /// <summary>Every region of the account that has events, for the trail buckets.</summary>
    public IEnumerable<(string Region, IReadOnlyList<TrailEvent> Events)> Regions(string account) =>
        _logs.Where(l => l.Key.Account == account).Select(l => (l.Key.Region, l.Value.Events));
}
