using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.ActivityLog;

/// <summary>Each subscription's Activity Log events, rendered once, newest first.</summary>
internal sealed class ActivityLogIndex
{
    private readonly Dictionary<string, IReadOnlyList<ActivityEvent>> _logs = new(StringComparer.OrdinalIgnoreCase);

    private readonly TimeProvider _time;

    public ActivityLogIndex(World world, TimeProvider time)
    {
        _time = time;
        var tenants = world.Azure.Subscriptions.ToDictionary(s => s.Id, s => s.TenantId, StringComparer.OrdinalIgnoreCase);
        foreach (var log in world.Audit.ActivityLogs)
        {
            var tenant = tenants.GetValueOrDefault(log.Subscription, "");
            _logs[log.Subscription] = [.. log.Events
                .SelectMany((r, i) => ActivityEvents.Render(r, log.Subscription.ToLowerInvariant(), tenant, i))
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
}
