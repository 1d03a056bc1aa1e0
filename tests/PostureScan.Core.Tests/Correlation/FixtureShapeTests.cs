using PostureScan.Core.Attribution;
using PostureScan.Core.Inventory;
using static PostureScan.Core.Tests.Correlation.Correlate;

namespace PostureScan.Core.Tests.Correlation;

/// <summary>
/// Correlation on the record shapes the providers really write: EC2's wrapped request and response
/// elements, <c>""</c> for an empty set and <c>{"items":[...]}</c> for a full one, values as strings or as
/// numbers (LookupEvents' epoch EventTime, exporters' floats, GCP ids), upper-case Azure ids, BeginRequest/EndRequest pairs.
/// </summary>
public sealed class FixtureShapeTests
{
    private static readonly Scope Frankfurt = new(Providers.Aws, "123456789012", "eu-central-1");
    private static readonly DateTimeOffset May = new(2025, 5, 1, 0, 0, 0, TimeSpan.Zero);

    private static MirrorSession Mirror() =>
        Session(Frankfurt, "tms-0b7b7b7b7b7b70001", "tmt-0b7b7b7b7b7b70001", "tmf-0b7b7b7b7b7b70002", "tmfr-0b7b7b7b7b7b70004");

    [Fact]
    public void Wrapped_elements_empty_sets_and_numeric_values_attribute_each_part()
    {
        var events = Read("Correlation/Fixtures/lookup-events-numbers.json").Concat(Read("Correlation/Fixtures/s3-delivery-strings.json"));

        var report = Run([Mirror()], events, [Covered(Frankfurt, May, May.AddDays(10))]);

        var session = Part(report, "tms-0b7b7b7b7b7b70001");
        Assert.Equal((AttributionState.Attributed, "192.0.2.71", "b7000000-0000-4000-8000-000000000001"), (session.State, session.SourceIp, session.EventIds[0]));
        var filter = Part(report, "tmf-0b7b7b7b7b7b70002");
        Assert.Equal((AttributionState.Attributed, "192.0.2.73"), (filter.State, filter.SourceIp));
        var rule = Part(report, "tmfr-0b7b7b7b7b7b70004");
        Assert.Equal((AttributionState.Attributed, "192.0.2.72", new DateTimeOffset(2025, 5, 6, 7, 50, 0, TimeSpan.Zero)), (rule.State, rule.SourceIp, rule.CreatedAt));
        // The target has no event in either file; it is older than the window read, not a mystery.
        Assert.Equal(AttributionState.UnattributedBeyondRetention, Part(report, "tmt-0b7b7b7b7b7b70001").State);
    }

    [Fact]
    public void The_same_create_with_numbers_from_the_API_and_strings_from_the_archive_counts_once()
    {
        var api = Read("Correlation/Fixtures/lookup-events-numbers.json");
        var archive = Read("Correlation/Fixtures/s3-delivery-strings.json");
        Assert.Contains(api, e => e.EventId == "b7000000-0000-4000-8000-000000000001");
        Assert.Contains(archive, e => e.EventId == "b7000000-0000-4000-8000-000000000001");

        var report = Run([Mirror()], [.. api, .. archive], [Covered(Frankfurt, May, May.AddDays(10))]);

        var session = Part(report, "tms-0b7b7b7b7b7b70001");
        Assert.Equal(["b7000000-0000-4000-8000-000000000001"], session.EventIds);
        Assert.Empty(session.Changes);
    }

    [Fact]
    public void An_upper_case_Azure_id_is_attributed_once_per_call_from_the_REST_shape()
    {
        var events = Read("Correlation/Fixtures/activity-rest-upper.json");
        var subscription = new Scope(Providers.Azure, "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", Scope.Global);
        var tap = "/subscriptions/7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/resourceGroups/rg-mirror/providers/Microsoft.Network/virtualNetworkTaps/vtap-x";
        var covered = new AuditCoverage("test", subscription, new(new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), new(2025, 6, 3, 0, 0, 0, TimeSpan.Zero)), null);

        var report = Run([Session(subscription, tap)], events, [covered]);

        var attribution = report.Sessions[0].Session;
        Assert.Equal(AttributionState.Attributed, attribution.State);
        Assert.Equal(("lee@fabrikam.example", "192.0.2.81", "d1000000-0000-4000-8000-000000000002"), (attribution.Actor, attribution.SourceIp, attribution.EventIds[0]));
        // The call's BeginRequest is the same call, not a change after it.
        Assert.Empty(attribution.Changes);
        Assert.Single(report.Sessions[0].Timeline());
    }

    [Fact]
    public void Ids_written_as_strings_or_as_numbers_name_the_same_event_and_the_same_operation()
    {
        var events = Read("Correlation/Fixtures/logging-number-ids.jsonl");
        var project = new Scope(Providers.Gcp, "prj-shop", "europe-west1");
        var mirroring = "https://www.googleapis.com/compute/v1/projects/prj-shop/regions/europe-west1/packetMirrorings/pm-web";
        Assert.Equal(3, events.Count);
        Assert.Equal(["7719304561298830112", "7719304561298830112", "7719304561298830113"], events.Select(e => e.EventId).Order(StringComparer.Ordinal));

        var report = Run([Session(project, mirroring)], events, [Covered(project, new(2025, 8, 1, 0, 0, 0, TimeSpan.Zero), new(2025, 8, 5, 0, 0, 0, TimeSpan.Zero))]);

        // The repeated entry counts once (insertId "…112" and 7719304561298830112), and the operation's last entry
        // (operation.id as a number) is the same call as its first (as a string): one create, no change.
        var attribution = report.Sessions[0].Session;
        Assert.Equal((AttributionState.Attributed, "ops@shop.example"), (attribution.State, attribution.Actor));
        Assert.Equal(["7719304561298830112"], attribution.EventIds);
        Assert.Empty(attribution.Changes);
    }
}
