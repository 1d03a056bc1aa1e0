using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace PostureScan.Emulator.Tests;

/// <summary>The real AmazonEC2Client against the emulator: the wire format must parse as AWS's does.</summary>
public sealed class Ec2SdkTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await EmulatorHost.StartAsync(TestWorlds.Fixture());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Sessions_come_back_with_every_wire_field()
    {
        using var ec2 = AwsClients.Ec2(_host);

        var response = await ec2.DescribeTrafficMirrorSessionsAsync(new DescribeTrafficMirrorSessionsRequest());

        var sessions = response.TrafficMirrorSessions.OrderBy(s => s.SessionNumber).ToList();
        Assert.Equal(["tms-0a1b2c3d4e5f60001", "tms-0a1b2c3d4e5f60002"], sessions.Select(s => s.TrafficMirrorSessionId));
        var first = sessions[0];
        Assert.Equal("tmt-0a1b2c3d4e5f60001", first.TrafficMirrorTargetId);
        Assert.Equal("tmf-0a1b2c3d4e5f60001", first.TrafficMirrorFilterId);
        Assert.Equal("eni-0a1b2c3d4e5f60011", first.NetworkInterfaceId);
        Assert.Equal(TestWorlds.ToolingAccount, first.OwnerId);
        Assert.Null(first.PacketLength);
        Assert.Equal(4242, first.VirtualNetworkId);
        Assert.Equal("web-1 to NDR", first.Description);
        Assert.Equal("web-1", Assert.Single(first.Tags).Value);
        Assert.Equal(128, sessions[1].PacketLength);
        Assert.Null(response.NextToken);
    }

    [Fact]
    public async Task Paginator_walks_every_page_of_five()
    {
        await using var host = await EmulatorHost.StartAsync(TestWorlds.WithSessions(12));
        using var ec2 = AwsClients.Ec2(host);

        var pages = new List<int>();
        var ids = new List<string>();
        var paginator = ec2.Paginators.DescribeTrafficMirrorSessions(new DescribeTrafficMirrorSessionsRequest { MaxResults = 5 });
        await foreach (var page in paginator.Responses)
        {
            pages.Add(page.TrafficMirrorSessions.Count);
            ids.AddRange(page.TrafficMirrorSessions.Select(s => s.TrafficMirrorSessionId));
        }

        Assert.Equal([5, 5, 2], pages);
        Assert.Equal(12, ids.Distinct().Count());
        Assert.Equal(3, host.Counters.Calls("DescribeTrafficMirrorSessions"));
    }

    [Fact]
    public async Task An_empty_region_gives_an_empty_list()
    {
        using var ec2 = AwsClients.Ec2(_host, "eu-west-1");

        var response = await ec2.DescribeTrafficMirrorSessionsAsync(new DescribeTrafficMirrorSessionsRequest());

        Assert.Empty(response.TrafficMirrorSessions ?? []);
        Assert.Null(response.NextToken);
    }

    [Fact]
    public async Task Filters_round_trip_rules_of_both_directions_with_port_ranges()
    {
        using var ec2 = AwsClients.Ec2(_host);

        var response = await ec2.DescribeTrafficMirrorFiltersAsync(new DescribeTrafficMirrorFiltersRequest());

        var filter = response.TrafficMirrorFilters.Single(f => f.TrafficMirrorFilterId == "tmf-0a1b2c3d4e5f60001");
        Assert.Equal([10, 20], filter.IngressFilterRules.Select(r => r.RuleNumber));
        var dns = filter.IngressFilterRules[1];
        Assert.Equal(TrafficMirrorRuleAction.Reject, dns.RuleAction);
        Assert.Equal(17, dns.Protocol);
        Assert.Equal((53, 53), (dns.DestinationPortRange.FromPort, dns.DestinationPortRange.ToPort));
        Assert.Equal("10.0.0.0/8", dns.DestinationCidrBlock);
        var egress = Assert.Single(filter.EgressFilterRules);
        Assert.Equal(TrafficDirection.Egress, egress.TrafficDirection);
        Assert.Equal((1024, 65535), (egress.SourcePortRange.FromPort, egress.SourcePortRange.ToPort));
        Assert.Null(egress.DestinationPortRange);
        Assert.Equal("10.0.0.0/16", egress.SourceCidrBlock);
        Assert.Equal("amazon-dns", Assert.Single(filter.NetworkServices));
        var empty = response.TrafficMirrorFilters.Single(f => f.TrafficMirrorFilterId == "tmf-0a1b2c3d4e5f60002");
        Assert.Empty(empty.IngressFilterRules ?? []);
        Assert.Empty(empty.EgressFilterRules ?? []);
    }

    [Fact]
    public async Task Filter_rules_can_be_listed_for_one_filter()
    {
        using var ec2 = AwsClients.Ec2(_host);

        var response = await ec2.DescribeTrafficMirrorFilterRulesAsync(new DescribeTrafficMirrorFilterRulesRequest { TrafficMirrorFilterId = "tmf-0a1b2c3d4e5f60001" });

        Assert.Equal(["tmfr-0a1b2c3d4e5f60001", "tmfr-0a1b2c3d4e5f60002", "tmfr-0a1b2c3d4e5f60003"],
            response.TrafficMirrorFilterRules.Select(r => r.TrafficMirrorFilterRuleId).Order());
    }

    [Fact]
    public async Task Targets_of_each_type_name_their_destination()
    {
        using var ec2 = AwsClients.Ec2(_host);

        var targets = (await ec2.DescribeTrafficMirrorTargetsAsync(new DescribeTrafficMirrorTargetsRequest())).TrafficMirrorTargets
            .ToDictionary(t => t.Type.Value);

        Assert.StartsWith("arn:aws:elasticloadbalancing:", targets["network-load-balancer"].NetworkLoadBalancerArn);
        Assert.Equal("eni-0a1b2c3d4e5f60099", targets["network-interface"].NetworkInterfaceId);
        Assert.Equal("vpce-0a1b2c3d4e5f60003", targets["gateway-load-balancer-endpoint"].GatewayLoadBalancerEndpointId);
        Assert.Equal("secops", targets["network-load-balancer"].Tags.Single(t => t.Key == "team").Value);
    }

    [Fact]
    public async Task Id_lists_and_filters_select_items()
    {
        using var ec2 = AwsClients.Ec2(_host);

        var byFilter = await ec2.DescribeTrafficMirrorSessionsAsync(new DescribeTrafficMirrorSessionsRequest
        {
            Filters = [new Filter("traffic-mirror-target-id", ["tmt-0a1b2c3d4e5f60002"])],
        });
        var byTag = await ec2.DescribeTrafficMirrorSessionsAsync(new DescribeTrafficMirrorSessionsRequest
        {
            Filters = [new Filter("tag:Name", ["web-*"])],
        });
        var byId = await ec2.DescribeTrafficMirrorTargetsAsync(new DescribeTrafficMirrorTargetsRequest
        {
            TrafficMirrorTargetIds = ["tmt-0a1b2c3d4e5f60003", "tmt-0a1b2c3d4e5f60001"],
        });

        Assert.Equal("tms-0a1b2c3d4e5f60002", Assert.Single(byFilter.TrafficMirrorSessions).TrafficMirrorSessionId);
        Assert.Equal("tms-0a1b2c3d4e5f60001", Assert.Single(byTag.TrafficMirrorSessions).TrafficMirrorSessionId);
        Assert.Equal(2, byId.TrafficMirrorTargets.Count);
    }

    [Fact]
    public async Task An_unknown_id_is_not_found()
    {
        using var ec2 = AwsClients.Ec2(_host);

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeTrafficMirrorSessionsAsync(
            new DescribeTrafficMirrorSessionsRequest { TrafficMirrorSessionIds = ["tms-0123456789abcdef0"] }));

        Assert.Equal("InvalidTrafficMirrorSessionId.NotFound", error.ErrorCode);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(1001)]
    public async Task MaxResults_outside_5_to_1000_is_an_invalid_parameter(int maxResults)
    {
        using var ec2 = AwsClients.Ec2(_host);

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeTrafficMirrorTargetsAsync(
            new DescribeTrafficMirrorTargetsRequest { MaxResults = maxResults }));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task Network_interfaces_carry_attachment_and_tags()
    {
        using var ec2 = AwsClients.Ec2(_host);

        var response = await ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest
        {
            Filters = [new Filter("attachment.instance-id", ["i-0a1b2c3d4e5f60011"])],
        });
        var target = await ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest
        {
            NetworkInterfaceIds = ["eni-0a1b2c3d4e5f60099"],
        });

        var eni = Assert.Single(response.NetworkInterfaces);
        Assert.Equal("10.0.1.11", eni.PrivateIpAddress);
        Assert.Equal("subnet-0a1b2c3d4e5f60001", eni.SubnetId);
        Assert.Equal("vpc-0a1b2c3d4e5f60001", eni.VpcId);
        Assert.Equal("i-0a1b2c3d4e5f60011", eni.Attachment.InstanceId);
        Assert.Equal("web-1", Assert.Single(eni.TagSet).Value);
        Assert.Equal("198.51.100.7", Assert.Single(target.NetworkInterfaces).Association.PublicIp);
    }

    [Fact]
    public async Task Regions_list_the_account_regions_and_hide_those_not_opted_in()
    {
        using var ec2 = AwsClients.Ec2(_host);

        var enabled = await ec2.DescribeRegionsAsync(new DescribeRegionsRequest());
        var all = await ec2.DescribeRegionsAsync(new DescribeRegionsRequest { AllRegions = true });
        var named = await ec2.DescribeRegionsAsync(new DescribeRegionsRequest { RegionNames = ["ap-east-1"] });

        Assert.DoesNotContain("ap-east-1", enabled.Regions.Select(r => r.RegionName));
        Assert.Equal("not-opted-in", all.Regions.Single(r => r.RegionName == "ap-east-1").OptInStatus);
        Assert.Equal("ec2.us-east-1.amazonaws.com", all.Regions.Single(r => r.RegionName == "us-east-1").Endpoint);
        Assert.Equal("not-opted-in", Assert.Single(named.Regions).OptInStatus);
    }

    [Fact]
    public async Task A_region_not_opted_in_fails_authentication()
    {
        using var ec2 = AwsClients.Ec2(_host, "ap-east-1");

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeTrafficMirrorSessionsAsync(new DescribeTrafficMirrorSessionsRequest()));

        Assert.Equal("AuthFailure", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task An_unknown_access_key_fails_authentication()
    {
        using var ec2 = AwsClients.Ec2(_host, new BasicAWSCredentials("AKIAUNKNOWNKEY000000", "x"));

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeRegionsAsync(new DescribeRegionsRequest()));

        Assert.Equal("AuthFailure", error.ErrorCode);
    }

    [Fact]
    public async Task Access_denied_is_UnauthorizedOperation()
    {
        using var ec2 = AwsClients.Ec2(_host, "eu-central-1");

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeTrafficMirrorSessionsAsync(new DescribeTrafficMirrorSessionsRequest()));

        Assert.Equal("UnauthorizedOperation", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Contains("ec2:DescribeTrafficMirrorSessions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_is_retried_by_the_sdk()
    {
        using var ec2 = AwsClients.Ec2(_host, "us-west-2");

        var response = await ec2.DescribeTrafficMirrorSessionsAsync(new DescribeTrafficMirrorSessionsRequest());

        Assert.Empty(response.TrafficMirrorSessions ?? []);
        Assert.Equal(1, _host.Counters.Throttled(TestWorlds.ToolingAccount, "us-west-2"));
        Assert.Equal(2, _host.Counters.CallsInScope(TestWorlds.ToolingAccount, "us-west-2"));
    }

    [Fact]
    public async Task DryRun_answers_DryRunOperation()
    {
        using var ec2 = AwsClients.Ec2(_host);

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeTrafficMirrorSessionsAsync(
            new DescribeTrafficMirrorSessionsRequest { DryRun = true }));

        Assert.Equal("DryRunOperation", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.PreconditionFailed, error.StatusCode);
    }

    [Fact]
    public async Task A_create_call_is_refused_and_counted()
    {
        using var ec2 = AwsClients.Ec2(_host);

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.CreateTrafficMirrorSessionAsync(new CreateTrafficMirrorSessionRequest
        {
            NetworkInterfaceId = "eni-0a1b2c3d4e5f60011",
            TrafficMirrorTargetId = "tmt-0a1b2c3d4e5f60002",
            TrafficMirrorFilterId = "tmf-0a1b2c3d4e5f60002",
            SessionNumber = 3,
        }));

        Assert.Equal("UnauthorizedOperation", error.ErrorCode);
        Assert.Equal(1, _host.Counters.RejectedWrites("CreateTrafficMirrorSession"));
        Assert.Equal(1, _host.Counters.TotalRejectedWrites);
        Assert.Equal(0, _host.Counters.Calls("CreateTrafficMirrorSession"));
    }
}
