using Microsoft.Extensions.Time.Testing;
using PostureScan.Cisco.Accounting;
using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Matching;
using PostureScan.Core.Audit.Reading;

namespace PostureScan.Cisco.Tests;

/// <summary>The project's own accounting logs (Fixtures/accounting), read as detect and the file audit source read them.</summary>
internal static class Accounting
{
    /// <summary>The day the tests read the logs: March 2025, so year-less tac_plus lines fall in 2025.</summary>
    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2025, 3, 20, 8, 0, 0, TimeSpan.Zero));

    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string> { ["10.60.0.7"] = "acc-9300-07" };

    public static (AuditReadResult Result, List<AuditEvent> Events) Read(string name, TimeProvider? time = null)
    {
        var events = new List<AuditEvent>();
        var reader = new AuditLogReader(EventNameMatcher.Mirror, CiscoAccountingFormat.ReaderOptions(time ?? Clock(), Aliases));
        var result = reader.ReadFile(Fixture.PathOf(Path.Combine("accounting", name)), events.Add);
        return (result, events);
    }

    /// <summary>One line per event: <c>time | command | actor | source | action | outcome | resource</c>.</summary>
    public static IReadOnlyList<string> Render(IEnumerable<AuditEvent> events) =>
        [.. events.Select(e => $"{AuditNames.Of(e.Time)} | {e.EventName} | {e.Actor} | {e.SourceIp} | {AuditNames.Of(e.Action)} | {AuditNames.Of(e.Outcome)} | {string.Join(',', e.ResourceIds)}")];
}
