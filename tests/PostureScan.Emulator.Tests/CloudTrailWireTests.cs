using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Tests;

/// <summary>CloudTrail's JSON 1.1 and S3's REST wire, byte by byte where the SDK would hide it.</summary>
public sealed class CloudTrailWireTests
{
    private const string Target = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";

    private const string Yaml = """
        aws:
          credentials:
            - { accessKeyId: AKIAEMULATORSCANNER1, secretAccessKey: s, account: "111122223333" }
          accounts:
            - id: "111122223333"
              regions: [{ name: us-east-1 }]
        audit:
          cloudTrail:
            - account: "111122223333"
              region: us-east-1
              events:
                - { time: 2026-11-20T10:00:00Z, name: CreateTrafficMirrorSession, actor: "arn:aws:iam::111122223333:user/alice", sourceIp: 203.0.113.9, resourceId: tms-0123456789abcdef0 }
                - { time: 2026-11-20T10:05:00Z, name: RunInstances, actor: "arn:aws:iam::111122223333:user/bob", sourceIp: 203.0.113.10 }
                - { time: 2026-11-20T10:10:00.5Z, name: CreateTrafficMirrorTarget, actor: "arn:aws:sts::111122223333:assumed-role/Admin/carol", sourceIp: AWS Internal, errorCode: Client.InvalidParameterValue }
          trailBuckets:
            - { name: trail-logs, accounts: ["111122223333"] }
        """;

    private static async Task<(HttpStatusCode Status, JsonElement Body)> LookupAsync(EmulatorHost host, string body, string operation = "LookupEvents")
    {
        using var http = new HttpClient { BaseAddress = host.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.Add("X-Amz-Target", Target + operation);
        request.Headers.TryAddWithoutValidation("Authorization",
            "AWS4-HMAC-SHA256 Credential=AKIAEMULATORSCANNER1/20261120/us-east-1/cloudtrail/aws4_request, SignedHeaders=host;x-amz-date, Signature=00");
        using var response = await http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task LookupEvents_pages_carry_epoch_times_and_each_record_as_a_json_string()
    {
        await using var host = await EmulatorHost.StartAsync(World.Parse(Yaml, "audit.yaml"));

        var (status, page) = await LookupAsync(host, """{"LookupAttributes":[{"AttributeKey":"EventSource","AttributeValue":"ec2.amazonaws.com"}],"StartTime":1795168800,"EndTime":1795186800,"MaxResults":2}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var events = page.GetProperty("Events").EnumerateArray().ToList();
        Assert.Equal(["CreateTrafficMirrorTarget", "RunInstances"], events.Select(e => e.GetProperty("EventName").GetString()));
        Assert.Equal(1795169400.5, events[0].GetProperty("EventTime").GetDouble());
        Assert.Equal("carol", events[0].GetProperty("Username").GetString());
        var record = JsonDocument.Parse(events[0].GetProperty("CloudTrailEvent").GetString()!).RootElement;
        Assert.Equal(("AssumedRole", "Client.InvalidParameterValue", "AWS Internal", "2026-11-20T10:10:00Z"), (
            record.GetProperty("userIdentity").GetProperty("type").GetString(), record.GetProperty("errorCode").GetString(),
            record.GetProperty("sourceIPAddress").GetString(), record.GetProperty("eventTime").GetString()));

        var token = page.GetProperty("NextToken").GetString();
        await Task.Delay(600);
        var (_, second) = await LookupAsync(host, $$"""{"LookupAttributes":[{"AttributeKey":"EventSource","AttributeValue":"ec2.amazonaws.com"}],"StartTime":1795168800,"EndTime":1795186800,"MaxResults":2,"NextToken":"{{token}}"}""");
        var last = Assert.Single(second.GetProperty("Events").EnumerateArray());
        Assert.Equal("AWS::EC2::TrafficMirrorSession", last.GetProperty("Resources")[0].GetProperty("ResourceType").GetString());
        Assert.False(second.TryGetProperty("NextToken", out _));
    }

    [Fact]
    public async Task More_than_two_calls_a_second_in_a_scope_are_throttled_as_CloudTrail_does()
    {
        // The emulator's clock stands still between the calls, so a slow machine cannot refill the bucket behind
        // the test's back: on the real clock, five calls spread over more than a second would see no throttling.
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var host = await EmulatorHost.StartAsync(World.Parse(Yaml, "audit.yaml"), new EmulatorOptions { TimeProvider = clock });

        var answers = new List<(HttpStatusCode Status, JsonElement Body)>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await LookupAsync(host, "{}"));
        }

        // A burst of two, then nothing until the bucket refills at two a second.
        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest],
            answers.Select(a => a.Status));
        Assert.All(answers.Skip(2), a => Assert.Equal("ThrottlingException", a.Body.GetProperty("__type").GetString()));
        Assert.Equal(3, host.Counters.Throttled("111122223333", "us-east-1"));

        clock.Advance(TimeSpan.FromSeconds(0.5));
        var refilled = (await LookupAsync(host, "{}")).Status;
        var beyond = (await LookupAsync(host, "{}")).Status;
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.BadRequest), (refilled, beyond));

        // A long pause refills the burst, never more than it.
        clock.Advance(TimeSpan.FromSeconds(10));
        var after = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            after.Add((await LookupAsync(host, "{}")).Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest], after);
        Assert.Equal(5, host.Counters.Throttled("111122223333", "us-east-1"));
    }

    [Fact]
    public async Task Invalid_requests_get_CloudTrails_own_errors()
    {
        await using var host = await EmulatorHost.StartAsync(World.Parse(Yaml, "audit.yaml"));

        var (_, range) = await LookupAsync(host, """{"StartTime":1795186800,"EndTime":1795168800}""");
        await Task.Delay(600);
        var (_, token) = await LookupAsync(host, """{"NextToken":"bm90LWEtdG9rZW4="}""");
        await Task.Delay(600);
        var (_, two) = await LookupAsync(host, """{"LookupAttributes":[{"AttributeKey":"EventName","AttributeValue":"a"},{"AttributeKey":"EventName","AttributeValue":"b"}]}""");

        Assert.Equal(
            ["InvalidTimeRangeException", "InvalidNextTokenException", "InvalidLookupAttributesException"],
            new[] { range, token, two }.Select(b => b.GetProperty("__type").GetString()));
    }

    [Fact]
    public async Task Writes_to_CloudTrail_and_to_a_trail_bucket_are_refused_and_counted()
    {
        await using var host = await EmulatorHost.StartAsync(World.Parse(Yaml, "audit.yaml"));

        var (status, body) = await LookupAsync(host, """{"Name":"stop"}""", "StopLogging");
        using var http = new HttpClient { BaseAddress = host.Endpoint };
        using var put = new HttpRequestMessage(HttpMethod.Put, "/trail-logs/AWSLogs/x.json.gz") { Content = new StringContent("{}") };
        put.Headers.TryAddWithoutValidation("Authorization",
            "AWS4-HMAC-SHA256 Credential=AKIAEMULATORSCANNER1/20261120/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00");
        using var s3 = await http.SendAsync(put);

        Assert.Equal((HttpStatusCode.BadRequest, "AccessDeniedException"), (status, body.GetProperty("__type").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, s3.StatusCode);
        Assert.Equal(1, host.Counters.RejectedWrites("StopLogging"));
        Assert.Equal(1, host.Counters.RejectedWrites("PutObject"));
        Assert.Equal(2, host.Counters.TotalRejectedWrites);
    }

    [Fact]
    public void An_audit_scope_outside_the_aws_section_is_refused_with_its_line()
    {
        var yaml = Yaml.Replace("region: us-east-1\n      events:", "region: eu-west-3\n      events:", StringComparison.Ordinal);

        var error = Assert.Throws<WorldFormatException>(() => World.Parse(yaml, "audit.yaml"));

        Assert.Contains("eu-west-3", error.Message, StringComparison.Ordinal);
        Assert.Contains("audit.yaml(9,", error.Message, StringComparison.Ordinal);
    }
}
