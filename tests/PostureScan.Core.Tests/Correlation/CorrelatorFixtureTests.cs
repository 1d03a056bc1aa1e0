using PostureScan.Core.Attribution;
using PostureScan.Core.Inventory;
using static PostureScan.Core.Tests.Correlation.Correlate;

namespace PostureScan.Core.Tests.Correlation;

/// <summary>Correlation on the providers' record shapes, from the project's own fixture files.</summary>
public sealed class CorrelatorFixtureTests
{
    private static readonly Scope Frankfurt = new(Providers.Aws, "123456789012", "eu-central-1");
    private static readonly DateTimeOffset May = new(2025, 5, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_attacker_sequence_is_attributed_part_by_part()
    {
        var events = Read("Correlation/Fixtures/attacker-sequence.json");
        var session = Session(Frankfurt, "tms-0a1b2c3d4e5f60005", "tmt-0a1b2c3d4e5f60001", "tmf-0a1b2c3d4e5f60002", "tmfr-0a1b2c3d4e5f60003", "tmfr-0a1b2c3d4e5f60004");

        var report = Run([session], events, [Covered(Frankfurt, May, May.AddDays(10))]);

        var parts = Assert.Single(report.Sessions).Parts;
        Assert.Equal(["session", "target", "filter", "filter-rule", "filter-rule"], parts.Select(p => p.Kind));
        Assert.All(parts, p => Assert.Equal(AttributionState.Attributed, p.Attribution.State));
        var created = parts.ToDictionary(p => p.Attribution.ResourceId, p => p.Attribution.CreatedAt!.Value.ToString("HH:mm:ss"));
        Assert.Equal("08:03:00", created["tms-0a1b2c3d4e5f60005"]);
        Assert.Equal("08:00:00", created["tmt-0a1b2c3d4e5f60001"]);
        Assert.Equal("08:01:00", created["tmf-0a1b2c3d4e5f60002"]);
        Assert.Equal("08:02:00", created["tmfr-0a1b2c3d4e5f60003"]);
        Assert.Equal("08:02:30", created["tmfr-0a1b2c3d4e5f60004"]);

        var s = report.Sessions[0].Session;
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/NetDebug/mallory", s.Actor);
        Assert.Equal("198.51.100.99", s.SourceIp);
        Assert.Equal("arn:aws:iam::123456789012:role/NetDebug", s.SessionIssuer);
        Assert.Equal("mallory", s.RoleSessionName);
        Assert.Equal("e0000000-0000-4000-8000-000000000005", s.EventIds[0]);
        var change = Assert.Single(s.Changes);
        Assert.Equal(("ModifyTrafficMirrorSession", "arn:aws:iam::123456789012:user/ops", "10.1.2.3"), (change.EventName, change.Actor, change.SourceIp));

        var filter = Part(report, "tmf-0a1b2c3d4e5f60002");
        Assert.Equal("cloudformation.amazonaws.com", filter.InvokedBy);
        // The rules added to the filter are its changes, oldest first, each naming the rule it created.
        Assert.Equal(["tmfr-0a1b2c3d4e5f60003", "tmfr-0a1b2c3d4e5f60004"], filter.Changes.Select(c => c.ResourceId));
    }

    [Fact]
    public void The_deleted_session_is_short_lived_and_the_refused_create_is_a_failed_attempt()
    {
        var events = Read("Correlation/Fixtures/attacker-sequence.json");
        var session = Session(Frankfurt, "tms-0a1b2c3d4e5f60005", "tmt-0a1b2c3d4e5f60001", "tmf-0a1b2c3d4e5f60002");

        var report = Run([session], events, [Covered(Frankfurt, May, May.AddDays(10))]);

        var gone = Assert.Single(report.DeletedMirrors);
        Assert.Equal("tms-0a1b2c3d4e5f60006", gone.ResourceId);
        Assert.Equal(TimeSpan.FromMinutes(45), gone.Lifetime);
        Assert.Equal(Frankfurt, gone.Scope);
        Assert.Equal("198.51.100.99", gone.SourceIp);
        var failed = Assert.Single(report.FailedAttempts);
        Assert.Equal(("CreateTrafficMirrorSession", "Client.UnauthorizedOperation", "arn:aws:iam::123456789012:user/ops"), (failed.EventName, failed.ErrorCode, failed.Actor));
    }

    [Fact]
    public void An_upper_case_Azure_resource_id_matches_the_inventory_id()
    {
        var events = Read("Audit/Fixtures/azure/activity-eventhub.json");
        var subscription = new Scope(Providers.Azure, "5c1e7a9b-2d3f-4e6a-8b7c-9d0e1f2a3b4c", "westeurope");
        var tap = "/subscriptions/5c1e7a9b-2d3f-4e6a-8b7c-9d0e1f2a3b4c/resourceGroups/rg-netmon/providers/Microsoft.Network/networkInterfaces/nic-app01/tapConfigurations/tap-app01";
        var covered = new AuditCoverage("test", subscription with { Region = "*" }, new(new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), new(2025, 3, 5, 0, 0, 0, TimeSpan.Zero)), null);

        var report = Run([Session(subscription, tap)], events, [covered]);

        var attribution = report.Sessions[0].Session;
        Assert.Equal(AttributionState.Attributed, attribution.State);
        Assert.Equal(tap, attribution.ResourceId);
        Assert.Equal("192.0.2.41", attribution.SourceIp);
        Assert.Equal("dana@fabrikam.example", attribution.Actor);
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 13, 5, 4, 250, TimeSpan.Zero), attribution.CreatedAt);
    }

    [Fact]
    public void A_GCP_self_link_matches_the_logged_resource_name_and_the_first_insert_wins()
    {
        var events = Read("Audit/Fixtures/gcp/entries-list-page.json");
        var project = new Scope(Providers.Gcp, "prj-netsec-test", "europe-west1");
        var selfLink = "https://www.googleapis.com/compute/v1/projects/prj-netsec-test/regions/europe-west1/packetMirrorings/pm-ids";
        var covered = Covered(project, new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), new(2025, 3, 5, 0, 0, 0, TimeSpan.Zero));

        var report = Run([Session(project, selfLink)], events, [covered]);

        var attribution = report.Sessions[0].Session;
        Assert.Equal(AttributionState.Attributed, attribution.State);
        Assert.Equal(("ops@example.org", "203.0.113.20", "a3first"), (attribution.Actor, attribution.SourceIp, attribution.EventIds[0]));
        Assert.Contains(report.FailedAttempts, f => f.EventId == "a1failed" && f.Actor == "eve@outsider.example");
    }
}
