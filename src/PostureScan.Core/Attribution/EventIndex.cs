using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Matching;

namespace PostureScan.Core.Attribution;

/// <summary>
/// The audit events by the resources they name (keys of <see cref="ResourceKeys"/>), each list oldest first.
/// An event is counted once, whichever inputs it was read from, a long-running operation once (see <see cref="OperationRecords"/>),
/// and a device command logged by both syslog and TACACS+ once (see <see cref="DeviceCommandMerger"/>).
/// </summary>
internal sealed class EventIndex
{
    private readonly Dictionary<string, List<AuditEvent>> byResource = new(StringComparer.Ordinal);

    public EventIndex(IEnumerable<AuditEvent> events)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var distinct = events.OrderBy(e => e.Time).ThenBy(e => e.EventId, StringComparer.Ordinal)
            .Where(e => e.IsWrite && seen.Add(AuditEventKeys.Of(e)))
            .ToList();
        foreach (var e in DeviceCommandMerger.Merge(OperationRecords.OnePerOperation(distinct)))
        {
            foreach (var key in e.ResourceIds.Select(ResourceKeys.Of).Distinct(StringComparer.Ordinal))
            {
                if (!byResource.TryGetValue(key, out var list))
                {
                    byResource[key] = list = [];
                }

                list.Add(e);
            }
        }
    }

    public IEnumerable<string> Keys => byResource.Keys;

    /// <summary>Every write event naming the resource, oldest first.</summary>
    public IReadOnlyList<AuditEvent> For(string resourceId) =>
        byResource.TryGetValue(ResourceKeys.Of(resourceId), out var list) ? list : [];

    /// <summary>
    /// True for a call the provider refused, which changed nothing: the readers mark every provider's refusal as
    /// <see cref="AuditOutcome.Failure"/> (a CloudTrail errorCode, AccessDenied, Client.DryRunOperation and throttling
    /// included; an Activity Log status Failed or Canceled; a Cloud Audit Logs status code other than 0; a device
    /// command whose accounting record says it failed or was rejected).
    /// </summary>
    public static bool Refused(AuditEvent e) => e.Outcome == AuditOutcome.Failure;

    /// <summary>
    /// True when <paramref name="e"/> created <paramref name="resourceId"/>: a create not refused whose first
    /// id is it (the created id comes first; the ids after it are resources the call referred to).
    /// </summary>
    public static bool Creates(AuditEvent e, string resourceId) =>
        e.Action == AuditAction.Create
        && !Refused(e)
        && e.ResourceIds.Count > 0
        && ResourceKeys.Of(e.ResourceIds[0]) == ResourceKeys.Of(resourceId);

    /// <summary>A delete not refused of the resource itself (its first id), as <see cref="Creates"/> reads a create.</summary>
    public static bool DeletesItself(AuditEvent e, string resourceId) =>
        e.Action == AuditAction.Delete
        && !Refused(e)
        && e.ResourceIds.Count > 0
        && ResourceKeys.Of(e.ResourceIds[0]) == ResourceKeys.Of(resourceId);

    public static bool Deletes(AuditEvent e, string resourceId) =>
        e.Action == AuditAction.Delete
        && !Refused(e)
        && e.ResourceIds.Any(id => ResourceKeys.Of(id) == ResourceKeys.Of(resourceId));
}
