using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Matching;

namespace PostureScan.Core.Tests.Audit;

public sealed class GcpReadingTests
{
    private const string Mirrorings = "projects/prj-netsec-test/regions/europe-west1/packetMirrorings/";

    [Theory]
    [InlineData("gcp/entries-list-page.json")]
    [InlineData("gcp/logentries-array.json")]
    [InlineData("gcp/logentries.jsonl")]
    public void Packet_mirroring_entries_are_matched_in_every_layout(string file)
    {
        var (result, events) = AuditFixtures.ReadFile(file);

        Assert.Equal(6, result.Records);
        Assert.Equal(0, result.MalformedCount);
        Assert.Equal(5, result.Matched);
        Assert.All(events, e => Assert.Equal(AuditPlatform.Gcp, e.Platform));
        Assert.All(events, e => Assert.Contains("packetMirrorings", e.EventName, StringComparison.Ordinal));
    }

    [Fact]
    public void Status_code_7_is_a_failure_named_permission_denied()
    {
        var (_, events) = AuditFixtures.ReadFile("gcp/entries-list-page.json");
        var denied = events.Single(e => e.EventId == "a1failed");

        Assert.Equal(AuditOutcome.Failure, denied.Outcome);
        Assert.Equal("7 PERMISSION_DENIED", denied.ErrorCode);
        Assert.Equal(AuditAction.Create, denied.Action);
        Assert.Equal("eve@outsider.example", denied.Actor);
        Assert.Equal("192.0.2.250", denied.SourceIp);
        Assert.Equal([Mirrorings + "pm-exfil"], denied.ResourceIds);
        Assert.Equal("prj-netsec-test", denied.Scope);
        Assert.Equal("europe-west1", denied.Region);
        Assert.Equal("curl/8.11.0,gzip(gfe)", denied.UserAgent);
    }

    [Fact]
    public void First_and_last_entries_of_one_operation_are_reported_once()
    {
        var (_, events) = AuditFixtures.ReadFile("gcp/entries-list-page.json");
        var reported = DetectionResults.Arrange(events, AuditEventFilter.All);

        Assert.Equal(4, reported.Count);
        var insert = reported.Single(e => e.ResourceIds.SequenceEqual([Mirrorings + "pm-ids"]) && e.Action == AuditAction.Create);
        Assert.Equal(AuditOutcome.Success, insert.Outcome);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 8, 30, 0, TimeSpan.Zero), insert.Time);
        Assert.Equal("ops@example.org", insert.Actor);
    }

    [Fact]
    public void Delete_and_list_verbs_are_read_from_the_method_name()
    {
        var (_, events) = AuditFixtures.ReadFile("gcp/entries-list-page.json");

        Assert.Equal(AuditAction.Delete, events.Single(e => e.EventName == "beta.compute.packetMirrorings.delete").Action);
        Assert.Equal(AuditAction.Read, events.Single(e => e.EventName == "v1.compute.packetMirrorings.aggregatedList").Action);
        Assert.Equal("tf-runner@prj-netsec-test.iam.gserviceaccount.com", events.Single(e => e.EventId == "a4delete").Actor);
    }
}
