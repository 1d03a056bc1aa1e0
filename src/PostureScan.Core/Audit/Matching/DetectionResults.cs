namespace PostureScan.Core.Audit.Matching;

/// <summary>Turns the matched events of all inputs into the report: one per operation (and per device command seen in two logs), filtered, newest first.</summary>
public static class DetectionResults
{
    public static IReadOnlyList<AuditEvent> Arrange(IEnumerable<AuditEvent> matched, AuditEventFilter filter) =>
        [.. DeviceCommandMerger.Merge(OperationCollapser.Collapse(matched))
            .Where(filter.Includes)
            .OrderByDescending(e => e.Time)
            .ThenBy(e => e.Input.File ?? e.Input.Api, StringComparer.Ordinal)
            .ThenBy(e => e.Input.Record)];
}
