using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Matching;

namespace PostureScan.Core.Tests.Audit;

public sealed class CloudTrailReadingTests
{
    private const string FailedCreate = "e1000000-0000-4000-8000-000000000004";
    private const string ConsoleModify = "e1000000-0000-4000-8000-000000000003";

    [Theory]
    [InlineData("aws/cloudtrail-s3-delivery.json")]
    [InlineData("aws/cloudtrail-firehose.jsonl")]
    public void Reads_every_record_and_keeps_the_mirror_events_only(string file)
    {
        var (result, events) = AuditFixtures.ReadFile(file);

        Assert.Equal(8, result.Records);
        Assert.Equal(0, result.MalformedCount);
        Assert.Equal(6, result.Matched);
        Assert.All(events, e => Assert.Contains("TrafficMirror", e.EventName, StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => e.EventName == "PutRolePolicy"); // mentions CreateTrafficMirrorSession only in its policy
        Assert.All(events, e => Assert.Equal(AuditPlatform.Aws, e.Platform));
    }

    [Fact]
    public void Gzip_is_recognised_by_its_magic_bytes_not_the_name()
    {
        var plain = File.ReadAllBytes(AuditFixtures.PathOf("aws/cloudtrail-s3-delivery.json"));
        var (_, fromPlain) = AuditFixtures.ReadBytes(plain);
        var (result, fromGzip) = AuditFixtures.ReadBytes(AuditFixtures.Gzip(plain));

        Assert.Equal(0, result.MalformedCount);
        Assert.Equal(fromPlain.Select(e => e.EventId), fromGzip.Select(e => e.EventId));
    }

    [Fact]
    public void LookupEvents_pages_are_read_through_the_CloudTrailEvent_string()
    {
        var (result, events) = AuditFixtures.ReadFile("aws/lookup-events-page.json");
        var (_, delivered) = AuditFixtures.ReadFile("aws/cloudtrail-s3-delivery.json");

        Assert.Equal(5, result.Records);
        Assert.Equal(0, result.MalformedCount);
        foreach (var e in events)
        {
            var same = AuditFixtures.Single(delivered, e.EventId!);
            Assert.Equal(AuditFixtures.Describe(same), AuditFixtures.Describe(e));
        }
    }

    [Fact]
    public void A_failed_create_is_kept_and_marked_failure_with_its_client_error()
    {
        var (_, events) = AuditFixtures.ReadFile("aws/cloudtrail-s3-delivery.json");
        var failed = AuditFixtures.Single(events, FailedCreate);

        Assert.Equal(AuditAction.Create, failed.Action);
        Assert.Equal(AuditOutcome.Failure, failed.Outcome);
        Assert.Equal("Client.NetworkInterfaceNotSupported", failed.ErrorCode);
        Assert.Contains("eni-0ffffffffffffffff", failed.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(failed.ResourceIds);
    }

    [Fact]
    public void A_console_call_keeps_AWS_Internal_as_its_source_and_the_role_session_as_actor()
    {
        var (_, events) = AuditFixtures.ReadFile("aws/cloudtrail-s3-delivery.json");
        var modify = AuditFixtures.Single(events, ConsoleModify);

        Assert.Equal("AWS Internal", modify.SourceIp);
        Assert.Equal("arn:aws:sts::444455556666:assumed-role/NetworkOps/jdoe", modify.Actor);
        Assert.Equal(AuditAction.Modify, modify.Action);
        Assert.Equal(AuditOutcome.Success, modify.Outcome);
        Assert.Equal(["tms-0c0ffee0c0ffee001"], modify.ResourceIds);
    }

    [Fact]
    public void Resource_ids_come_from_the_response_of_a_create_and_the_request_of_a_delete()
    {
        var (_, events) = AuditFixtures.ReadFile("aws/cloudtrail-s3-delivery.json");

        Assert.Equal(["tms-0c0ffee0c0ffee001"], events.Single(e => e.EventId!.EndsWith("02", StringComparison.Ordinal)).ResourceIds);
        Assert.Equal(["tmt-0f1e2d3c4b5a69788"], events.Single(e => e.EventName == "CreateTrafficMirrorTarget").ResourceIds);
        Assert.Equal(["tmt-0f1e2d3c4b5a69788"], events.Single(e => e.EventName == "DeleteTrafficMirrorTarget").ResourceIds);
    }

    [Fact]
    public void Scope_region_agent_and_input_position_are_kept()
    {
        var (_, events) = AuditFixtures.ReadFile("aws/cloudtrail-s3-delivery.json");
        var target = events.Single(e => e.EventName == "CreateTrafficMirrorTarget");

        Assert.Equal("444455556666", target.Scope);
        Assert.Equal("eu-central-1", target.Region);
        Assert.Equal("ec2.amazonaws.com", target.Service);
        Assert.StartsWith("aws-cli/2.22.4", target.UserAgent, StringComparison.Ordinal);
        Assert.Equal(1, target.Input.Record);
        Assert.EndsWith("cloudtrail-s3-delivery.json", target.Input.File, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2025, 3, 2, 8, 1, 15, TimeSpan.Zero), target.Time);
        Assert.Contains("\"tmt-0f1e2d3c4b5a69788\"", target.RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_and_writes_are_told_apart_and_writes_only_leaves_the_reads_out()
    {
        var (_, events) = AuditFixtures.ReadFile("aws/cloudtrail-s3-delivery.json");
        var describe = events.Single(e => e.EventName == "DescribeTrafficMirrorSessions");

        Assert.Equal(AuditAction.Read, describe.Action);
        Assert.False(describe.IsWrite);
        var writes = DetectionResults.Arrange(events, new AuditEventFilter(WritesOnly: true));
        Assert.Equal(events.Count - 1, writes.Count);
        Assert.DoesNotContain(writes, e => e.Action == AuditAction.Read);
    }
}
