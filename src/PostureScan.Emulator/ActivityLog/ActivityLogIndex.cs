using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.ActivityLog;

/// <summary>Each subscription's Activity Log events, rendered once, newest first.</summary>
internal sealed class ActivityLogIndex
{
    private readonly Dictionary<string, IReadOnlyList<ActivityEvent>> _logs = new(StringComparer.OrdinalIgnoreCase);

    public ActivityLogIndex(World world)
    {
        var tenants = world.Azure.Subscriptions.ToDictionary(s => s.Id, s => s.TenantId, StringComparer.OrdinalIgnoreCase);
        foreach (var log in world.Audit.ActivityLogs)
        {
            var tenant = tenants.GetValueOrDefault(log.Subscription, "");
            _logs[log.Subscription] = [.. log.Events
                .SelectMany((r, i) => ActivityEvents.Render(r, log.Subscription.ToLowerInvariant(), tenant, i))
                .OrderBy(e => e.PageKey, StringComparer.Ordinal)];
        }
    }

    public IReadOnlyList<ActivityEvent> Events(string subscription) => _logs.TryGetValue(subscription, out var events) ? events : [];
}
