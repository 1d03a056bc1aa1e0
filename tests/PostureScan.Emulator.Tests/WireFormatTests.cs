using System.Net;
using System.Xml.Linq;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Tests;

/// <summary>Response bytes against the project's fixtures, and requests the SDK would never send.</summary>
public sealed class WireFormatTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await EmulatorHost.StartAsync(TestWorlds.Fixture());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("Action=DescribeTrafficMirrorSessions&Version=2016-11-15", "us-east-1", "DescribeTrafficMirrorSessions.xml")]
    [InlineData("Action=DescribeTrafficMirrorSessions&Version=2016-11-15", "eu-west-1", "DescribeTrafficMirrorSessions_empty.xml")]
    [InlineData("Action=DescribeTrafficMirrorFilters&Version=2016-11-15", "us-east-1", "DescribeTrafficMirrorFilters.xml")]
    public async Task Ec2_responses_match_the_fixture_bytes(string body, string region, string fixture)
    {
        var (status, xml) = await RawAws.PostAsync(_host, body, region: region);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(RawAws.Fixture(fixture), RawAws.WithoutRequestId(xml));
    }

    [Fact]
    public async Task Throttling_uses_the_ec2_error_envelope_and_503()
    {
        var (status, xml) = await RawAws.PostAsync(_host, "Action=DescribeTrafficMirrorSessions&Version=2016-11-15", region: "us-west-2");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(RawAws.Fixture("error_RequestLimitExceeded.xml"), RawAws.WithoutRequestId(xml));
    }

    [Fact]
    public async Task Sts_errors_use_the_ErrorResponse_envelope()
    {
        var (status, xml) = await RawAws.PostAsync(_host,
            "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A444455556666%3Arole%2FPostureScanReader&RoleSessionName=s1",
            service: "sts");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(RawAws.Fixture("AssumeRole_AccessDenied.xml"), RawAws.WithoutRequestId(xml));
    }

    [Fact]
    public async Task Load_balancers_are_described_for_nlb_targets()
    {
        var (status, xml) = await RawAws.PostAsync(_host,
            "Action=DescribeLoadBalancers&Version=2015-12-01&LoadBalancerArns.member.1=arn%3Aaws%3Aelasticloadbalancing%3Aus-east-1%3A111122223333%3Aloadbalancer%2Fnet%2Fndr-sensors%2F50dc6c495c0c9188",
            service: "elasticloadbalancing");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(RawAws.Fixture("DescribeLoadBalancers.xml"), RawAws.WithoutRequestId(xml));
    }

    [Fact]
    public async Task An_unknown_load_balancer_is_not_found()
    {
        var (status, xml) = await RawAws.PostAsync(_host,
            "Action=DescribeLoadBalancers&Version=2015-12-01&LoadBalancerArns.member.1=arn%3Aaws%3Aelasticloadbalancing%3Aus-east-1%3A111122223333%3Aloadbalancer%2Fnet%2Fnone%2F1",
            service: "elasticloadbalancing");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("<Code>LoadBalancerNotFound</Code>", xml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DeleteTrafficMirrorSession", "ec2")]
    [InlineData("ModifyTrafficMirrorSession", "ec2")]
    [InlineData("CreateTrafficMirrorTarget", "ec2")]
    [InlineData("DeleteLoadBalancer", "elasticloadbalancing")]
    [InlineData("DeleteTrafficMirrorSession", "unknown-service")]
    public async Task Writes_are_refused_and_counted_even_unsigned(string action, string service)
    {
        var signed = await RawAws.PostAsync(_host, $"Action={action}&TrafficMirrorSessionId=tms-0a1b2c3d4e5f60001", service: service);
        var unsigned = await RawAws.PostAsync(_host, $"Action={action}", accessKeyId: null);

        Assert.Equal(HttpStatusCode.Forbidden, signed.Status);
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.Status);
        Assert.Equal(2, _host.Counters.RejectedWrites(action));
        Assert.Equal(2, _host.Counters.TotalRejectedWrites);
    }

    [Fact]
    public async Task An_unserved_read_is_invalid_but_not_a_write()
    {
        var (status, xml) = await RawAws.PostAsync(_host, "Action=DescribeInstances&Version=2016-11-15");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("<Code>InvalidAction</Code>", xml, StringComparison.Ordinal);
        Assert.Equal(0, _host.Counters.TotalRejectedWrites);
        Assert.Equal(1, _host.Counters.UnsupportedReadsByAction["DescribeInstances"]);
    }

    [Fact]
    public async Task An_unsigned_read_fails_authentication()
    {
        var (status, xml) = await RawAws.PostAsync(_host, "Action=DescribeTrafficMirrorSessions", accessKeyId: null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("<Code>AuthFailure</Code>", xml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-base64!")]
    [InlineData("eyJhIjoiRGVzY3JpYmVUcmFmZmljTWlycm9yVGFyZ2V0cyIsIm8iOjV9")]
    public async Task A_foreign_or_forged_token_is_refused(string token)
    {
        var (status, xml) = await RawAws.PostAsync(_host, $"Action=DescribeTrafficMirrorSessions&MaxResults=5&NextToken={Uri.EscapeDataString(token)}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("<Code>InvalidPaginationToken</Code>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_filter_name_is_an_invalid_parameter()
    {
        var (status, xml) = await RawAws.PostAsync(_host, "Action=DescribeTrafficMirrorSessions&Filter.1.Name=no-such-filter&Filter.1.Value.1=x");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("The filter 'no-such-filter' is invalid", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_body_is_refused()
    {
        var (status, _) = await RawAws.PostAsync(_host, "Action=DescribeTrafficMirrorSessions&Junk=" + new string('a', 2 << 20));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task Hostile_tag_values_are_escaped_and_round_trip()
    {
        const string hostile = "</value></item><item><key>x</key><value>injected />& \"quoted\" 'q' \u00e9";
        var world = TestWorlds.WithSessions(1);
        var region = world.Aws.Accounts[0].Regions[0];
        var tagged = region.Sessions[0] with { Tags = new Dictionary<string, string> { ["Name"] = hostile }, Description = "<b>bold</b> />" };
        world = world with { Aws = world.Aws with { Accounts = [world.Aws.Accounts[0] with { Regions = [region with { Sessions = [tagged] }] }] } };
        await using var host = await EmulatorHost.StartAsync(world);

        var (_, xml) = await RawAws.PostAsync(host, "Action=DescribeTrafficMirrorSessions");

        XNamespace ns = "http://ec2.amazonaws.com/doc/2016-11-15/";
        var item = XDocument.Parse(xml).Descendants(ns + "trafficMirrorSessionSet").Elements(ns + "item").Single();
        var tag = item.Element(ns + "tagSet")!.Elements(ns + "item").Single();
        Assert.Equal(hostile, tag.Element(ns + "value")!.Value);
        Assert.Equal("<b>bold</b> />", item.Element(ns + "description")!.Value);
    }

    [Fact]
    public async Task Hostile_tags_read_from_a_world_file_come_back_unchanged()
    {
        await using var host = await EmulatorHost.StartAsync(World.Parse(TestWorlds.YamlWithSession(TestWorlds.HostileTags), "estate.yaml"));

        var (status, xml) = await RawAws.PostAsync(host, "Action=DescribeTrafficMirrorSessions");

        XNamespace ns = "http://ec2.amazonaws.com/doc/2016-11-15/";
        var tags = XDocument.Parse(xml).Descendants(ns + "tagSet").Elements(ns + "item")
            .ToDictionary(t => t.Element(ns + "key")!.Value, t => t.Element(ns + "value")!.Value, StringComparer.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(TestWorlds.HostileTagValues, tags);
    }

    [Theory]
    [InlineData("ec2", "Action=DescribeTrafficMirrorSessions&TrafficMirrorSessionId.1=tms-%07", HttpStatusCode.BadRequest, "The traffic mirror session ID 'tms-\uFFFD' does not exist.")]
    [InlineData("ec2", "Action=DescribeTrafficMirrorSessions&Filter.1.Name=%1B%5B2J&Filter.1.Value.1=x", HttpStatusCode.BadRequest, "The filter '\uFFFD[2J' is invalid")]
    [InlineData("sts", "Action=AssumeRole&RoleSessionName=s1&RoleArn=arn%00", HttpStatusCode.Forbidden, "sts:AssumeRole on resource: arn\uFFFD")]
    public async Task Caller_text_echoed_in_an_error_has_what_xml_cannot_carry_replaced(string service, string body, HttpStatusCode expected, string message)
    {
        var (status, xml) = await RawAws.PostAsync(_host, body, service: service);

        Assert.Equal(expected, status);
        Assert.EndsWith(message, XDocument.Parse(xml).Descendants().Single(e => e.Name.LocalName == "Message").Value, StringComparison.Ordinal);
        Assert.Empty(_host.Counters.Failures);
    }

    [Fact]
    public async Task Query_string_requests_are_served_too()
    {
        using var http = new HttpClient { BaseAddress = _host.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/?Action=DescribeRegions&Version=2016-11-15");
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential={TestWorlds.ScannerKey}/20260301/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00");

        using var response = await http.SendAsync(request);
        var xml = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<regionName>eu-west-1</regionName>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unavailable_regions_answer_server_errors()
    {
        var world = TestWorlds.WithSessions(1);
        var account = world.Aws.Accounts[0];
        world = world with
        {
            Aws = world.Aws with
            {
                Accounts = [account with { Regions = [account.Regions[0] with { Faults = new Faults { Unavailable = "InternalError" } }] }],
            },
        };
        await using var host = await EmulatorHost.StartAsync(world);

        var (status, xml) = await RawAws.PostAsync(host, "Action=DescribeTrafficMirrorSessions");

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Contains("<Code>InternalError</Code>", xml, StringComparison.Ordinal);
    }
}
