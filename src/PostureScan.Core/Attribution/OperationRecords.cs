using PostureScan.Core.Audit;

namespace PostureScan.Core.Attribution;

/// <summary>
/// One record per long-running operation, so a timeline shows each call once: Azure logs an ARM write as a
/// BeginRequest (Started) and an EndRequest (Succeeded, Failed; "Created" for a create), GCP a compute
/// operation's first and last entries, sharing an operation id. The record kept is the failed one if the
/// call failed, else the first that says it created the resource, else the last; its own id and time stay.
/// </summary>
internal static class OperationRecords
{
    /// <param name="events">Distinct events, oldest first.</param>
    public static IEnumerable<AuditEvent> OnePerOperation(IReadOnlyList<AuditEvent> events)
    {
        var kept = new HashSet<AuditEvent>(ReferenceEqualityComparer.Instance);
        foreach (var group in events.Where(e => e.OperationId is not null && e.Platform != AuditPlatform.Aws).GroupBy(KeyOf))
        {
            kept.Add(group.FirstOrDefault(e => e.Outcome == AuditOutcome.Failure)
                ?? group.FirstOrDefault(e => e.Action == AuditAction.Create)
                ?? group.Last());
        }

        return events.Where(e => e.OperationId is null || e.Platform == AuditPlatform.Aws || kept.Contains(e));
    }

    private static (AuditPlatform, string, string, string) KeyOf(AuditEvent e) =>
        (e.Platform, e.OperationId!.ToUpperInvariant(), e.EventName.ToUpperInvariant(), e.ResourceIds.Count > 0 ? ResourceKeys.Of(e.ResourceIds[0]) : "");
}
