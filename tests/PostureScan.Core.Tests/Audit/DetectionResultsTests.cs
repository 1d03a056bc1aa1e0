using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Matching;

namespace PostureScan.Core.Tests.Audit;

public sealed class DetectionResultsTests
{
    private static List<AuditEvent> AllFixtureEvents() =>
    [
        .. new[] { "aws/cloudtrail-s3-delivery.json", "azure/activity-rest-page.json", "azure/PT1H.json", "gcp/entries-list-page.json" }
            .SelectMany(f => AuditFixtures.ReadFile(f).Events),
    ];

    [Fact]
    public void Output_is_newest_first_across_platforms_and_files()
    {
        var events = AllFixtureEvents();

        var arranged = DetectionResults.Arrange(events.OrderBy(e => e.EventId, StringComparer.Ordinal), AuditEventFilter.All);

        Assert.True(arranged.Count > 10);
        Assert.Equal(arranged.OrderByDescending(e => e.Time).Select(e => e.Time), arranged.Select(e => e.Time));
        Assert.Equal(3, arranged.Select(e => e.Platform).Distinct().Count());
    }

    [Fact]
    public void Since_and_until_bound_the_window_inclusively()
    {
        var events = AllFixtureEvents();
        var since = new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);
        var until = new DateTimeOffset(2025, 3, 3, 12, 30, 0, TimeSpan.Zero);

        var arranged = DetectionResults.Arrange(events, new AuditEventFilter(since, until));

        Assert.NotEmpty(arranged);
        Assert.All(arranged, e => Assert.InRange(e.Time, since, until));
        Assert.Contains(arranged, e => e.Time == until); // the failed vTAP delete, exactly at the bound
        Assert.All(arranged, e => Assert.Equal(AuditPlatform.Azure, e.Platform));
    }

    [Theory]
    [InlineData("CreateTrafficMirrorSession", true)]
    [InlineData("MICROSOFT.NETWORK/VIRTUALNETWORKTAPS/WRITE", true)]
    [InlineData("Microsoft.Network/networkInterfaces/tapConfigurations/delete", true)]
    [InlineData("v1.compute.packetMirrorings.insert", true)]
    [InlineData("google.cloud.compute.v1.PacketMirrorings.Insert", true)]
    [InlineData("RunInstances", false)]
    [InlineData("Microsoft.Network/networkInterfaces/write", false)]
    [InlineData("", false)]
    public void Matching_is_case_insensitive_on_the_four_patterns(string name, bool expected)
    {
        Assert.Equal(expected, EventNameMatcher.Mirror.Matches(name));
        Assert.Equal(expected, EventNameMatcher.Mirror.MatchesUtf8(System.Text.Encoding.UTF8.GetBytes(name)));
    }

    [Fact]
    public void An_escaped_event_name_cannot_hide_from_the_match()
    {
        var record = """{"Records":[{"eventVersion":"1.10","eventTime":"2025-03-02T08:00:00Z","eventName":"Create\u0054raffic\u004dirrorSession"}]}""";

        var (result, events) = AuditFixtures.ReadBytes(System.Text.Encoding.UTF8.GetBytes(record));

        Assert.Equal(1, result.Matched);
        Assert.Equal("CreateTrafficMirrorSession", events.Single().EventName);
    }
}
