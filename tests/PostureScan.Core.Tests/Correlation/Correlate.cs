using PostureScan.Core.Attribution;
using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Matching;
using PostureScan.Core.Audit.Reading;
using PostureScan.Core.Inventory;
using PostureScan.TestKit;

namespace PostureScan.Core.Tests.Correlation;

/// <summary>Builds correlator inputs for the tests: sessions with given part ids, events read from fixtures, coverage.</summary>
internal static class Correlate
{
    public static List<AuditEvent> Read(string relativeToOutput)
    {
        var events = new List<AuditEvent>();
        new AuditLogReader(EventNameMatcher.Mirror).ReadFile(Path.Combine(AppContext.BaseDirectory, relativeToOutput), events.Add);
        return events;
    }

    public static MirrorSession Session(Scope scope, string id, string? targetId = null, string? filterId = null, params string[] ruleIds)
    {
        var session = Some.Session(id: id, scope: scope);
        var filter = filterId is null ? null : Some.Filter(filterId, [.. ruleIds.Select(r => Some.Rule() with { Id = r })]);
        return session with
        {
            TargetId = targetId,
            Target = targetId is null ? null : Some.Target(targetId),
            FilterId = filterId,
            Filter = filter,
        };
    }

    public static AuditCoverage Covered(Scope scope, DateTimeOffset oldest, DateTimeOffset newest) =>
        new("test", scope with { Region = "*" }, new AuditWindow(oldest, newest), null);

    public static AttributionReport Run(IEnumerable<MirrorSession> sessions, IEnumerable<AuditEvent> events, IEnumerable<AuditCoverage> coverage, IReadOnlyDictionary<string, DateTimeOffset>? createdAfter = null) =>
        AttributionCorrelator.Correlate(new CorrelationInput([.. sessions], [.. events], [.. coverage], DateTimeOffset.MinValue, createdAfter));

    public static Core.Attribution.Attribution Part(AttributionReport report, string resourceId) =>
        report.Sessions.SelectMany(s => s.Parts).First(p => string.Equals(p.Attribution.ResourceId, resourceId, StringComparison.OrdinalIgnoreCase)).Attribution;
}
