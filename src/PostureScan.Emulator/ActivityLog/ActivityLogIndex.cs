using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.ActivityLog;

/// <summary>Each subscription's Activity Log events, rendered once, newest first.</summary>
internal sealed class ActivityLogIndex
{
    private readonly Dictionary<string, IReadOnlyList<ActivityEvent>> _logs = new(StringComparer.OrdinalIgnoreCase);
    private readonly EmulatorCounters? _counters;
    private readonly TimeProvider _time;

    public ActivityLogIndex(World world, TimeProvider time, EmulatorCounters? counters = null)
    {
        _time = time;
        _counters = counters;
        var tenants = world.Azure.Subscriptions.ToDictionary(s => s.Id, s => s.TenantId, StringComparer.OrdinalIgnoreCase);
        foreach (var log in world.Audit.ActivityLogs)
        {
            var tenant = tenants.GetValueOrDefault(log.Subscription, "");
            var creating = Creating(log.Events);
            _logs[log.Subscription] = [.. log.Events
                .SelectMany((r, i) => ActivityEvents.Render(r, log.Subscription.ToLowerInvariant(), tenant, i, creating.Contains(r)))
                .OrderBy(e => e.PageKey, StringComparer.Ordinal)];
        }
    }

    /// <summary>The events the service shows now: those submitted (ingested) by the emulator's clock.</summary>
    public IReadOnlyList<ActivityEvent> Events(string subscription)
    {
        if (!_logs.TryGetValue(subscription, out var events))
        {
            return [];
        }

        var now = _time.GetUtcNow();
        return [.. events.Where(e => e.Submitted <= now)];
    }

    /// <summary>The subscription's events the filter passes, with the range asked for counted.</summary>
    public List<ActivityEvent> Query(string subscription, ActivityFilter filter)
    {
        _counters?.RecordAuditQuery(new AuditQuery("activitylog", subscription.ToLowerInvariant(), filter.From, filter.To));
        return [.. Events(subscription).Where(filter.Includes)];
    }

    /// <summary>
    /// ARM logs a create and an update alike as ".../write"; only the first successful write of a resource in
    /// the log answers 201 Created, the later ones 200 OK (as the Activity Log shows in its subStatus).
    /// </summary>
    private static HashSet<AuditRecord> Creating(IEnumerable<AuditRecord> events) =>
        new(events
            .Where(r => r.Raw is null && r.ErrorCode is null && r.ResourceId is not null && r.Name.EndsWith("/write", StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.Time)
            .GroupBy(r => r.ResourceId!, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First()),
            ReferenceEqualityComparer.Instance);
}
