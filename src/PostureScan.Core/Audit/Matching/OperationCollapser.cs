namespace PostureScan.Core.Audit.Matching;

/// <summary>
/// Reports each long-running operation once. Azure logs one ARM call as BeginRequest (Started) and
/// EndRequest (Succeeded/Failed); GCP logs a compute operation's first and last entries. Records
/// of one operation share an operation id, name and resource, possibly across files.
/// </summary>
public static class OperationCollapser
{
    public static IReadOnlyList<AuditEvent> Collapse(IEnumerable<AuditEvent> events)
    {
        var result = new List<AuditEvent>();
        var groups = new Dictionary<(AuditPlatform, string, string, string), List<AuditEvent>>();
        foreach (var audit in events)
        {
            if (audit.OperationId is null || audit.Platform == AuditPlatform.Aws)
            {
                result.Add(audit);
                continue;
            }

            var key = (audit.Platform, audit.OperationId.ToUpperInvariant(), audit.EventName.ToUpperInvariant(),
                (audit.ResourceIds.Count > 0 ? audit.ResourceIds[0].ToUpperInvariant() : ""));
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = [];
            }

            group.Add(audit);
        }

        result.AddRange(groups.Values.Select(Merge));
        return result;
    }

    /// <summary>
    /// The latest record carries the final status; the first says when the call was made and, in
    /// Azure, from where. A create stays a create even if only one record says so (HTTP 201).
    /// </summary>
    private static AuditEvent Merge(List<AuditEvent> group)
    {
        if (group.Count == 1)
        {
            return group[0];
        }

        var ordered = group.OrderBy(e => e.Time).ToList();
        var first = ordered[0];
        var last = ordered[^1];
        var failed = ordered.FirstOrDefault(e => e.Outcome == AuditOutcome.Failure);
        var final = failed ?? last;
        return final with
        {
            Time = first.Time,
            Actor = ordered.Select(e => e.Actor).FirstOrDefault(a => a != AuditEvent.Unknown) ?? AuditEvent.Unknown,
            SourceIp = ordered.Select(e => e.SourceIp).FirstOrDefault(a => a != AuditEvent.Unknown) ?? AuditEvent.Unknown,
            Action = ordered.Any(e => e.Action == AuditAction.Create) ? AuditAction.Create : final.Action,
            ResourceIds = [.. ordered.SelectMany(e => e.ResourceIds).Distinct(StringComparer.OrdinalIgnoreCase)],
            UserAgent = ordered.Select(e => e.UserAgent).FirstOrDefault(a => a is not null),
        };
    }
}
