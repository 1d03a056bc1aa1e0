using System.Text.Json;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.Emulator;
using PostureScan.Emulator.Worlds;
using static PostureScan.Aws.Tests.AwsEstate;

namespace PostureScan.Aws.Tests;

/// <summary>The real AmazonEC2Client and STS client against the emulator over loopback.</summary>
public sealed class AwsInventorySourceTests
{
    private const string Prod = "222222222222";
    private const string Staging = "333333333333";

    private static async Task<ScanRun> ScanAsync(World world, Func<Uri, AwsOptions> options)
    {
        await using var host = await EmulatorHost.StartAsync(world);
        var source = new AwsInventorySource(options(host.Endpoint), TimeProvider.System);
        var run = await new Scanner([source], TimeProvider.System, 4).RunAsync(null, CancellationToken.None);
        Assert.Equal(0, host.Counters.TotalRejectedWrites);
        return run;
    }

    [Fact]
    public async Task Sessions_are_read_across_at_least_three_pages()
    {
        await using var host = await EmulatorHost.StartAsync(World(Account(BaseAccount, Region("us-east-1", 12))));
        var options = Options(host.Endpoint, [BaseAccount], "us-east-1");
        options.PageSize = 5;

        var run = await new Scanner([new AwsInventorySource(options, TimeProvider.System)], TimeProvider.System, 2).RunAsync(null, CancellationToken.None);

        Assert.Equal(12, run.Sessions.Count);
        Assert.Equal(12, run.Sessions.Select(s => s.Id).Distinct().Count());
        Assert.All(run.Sessions, s => Assert.NotNull(s.Target));
        Assert.All(run.Sessions, s => Assert.NotNull(s.Filter));
        Assert.True(host.Counters.Calls("DescribeTrafficMirrorSessions") >= 3);
        Assert.True(run.Scopes.Single().ApiCalls >= 9, $"api calls {run.Scopes.Single().ApiCalls}");
        Assert.Equal(0, host.Counters.TotalRejectedWrites);
    }

    [Fact]
    public async Task Several_accounts_and_regions_through_assumed_roles_with_an_empty_region()
    {
        var world = World(
            Account(BaseAccount, Region("us-east-1", 1, "b"), Region("eu-west-1", 0)),
            Account(Prod, Region("us-east-1", 2, "p"), Region("eu-west-1", 3, "q")),
            Account(Staging, Region("us-east-1", 0), Region("eu-west-1", 1, "s")));

        var run = await ScanAsync(world, e => Options(e, [BaseAccount, Prod, Staging], "us-east-1", "eu-west-1"));

        Assert.Equal(6, run.Scopes.Count);
        Assert.All(run.Scopes, s => Assert.Equal(ScopeStatus.Ok, s.Status));
        Assert.Equal(7, run.Sessions.Count);
        Assert.Equal(3, run.Sessions.Count(s => s.Scope == new Scope("aws", Prod, "eu-west-1")));
        Assert.DoesNotContain(run.Sessions, s => s.Scope == new Scope("aws", Staging, "us-east-1"));
        Assert.All(run.Sessions, s => Assert.Equal(s.Scope.Account, s.OwnerAccount));
    }

    [Fact]
    public async Task Enabled_regions_are_discovered_when_none_are_configured()
    {
        var optIn = new AwsRegion { Name = "af-south-1", OptInStatus = "not-opted-in" };
        var world = World(Account(BaseAccount, Region("us-east-1", 1), Region("ap-south-1", 1, "c"), optIn));

        var run = await ScanAsync(world, e => Options(e, [BaseAccount]));

        Assert.Equal(["ap-south-1", "us-east-1"], run.Scopes.Select(s => s.Scope.Region).Order(StringComparer.Ordinal));
        Assert.Equal(2, run.Sessions.Count);
    }

    [Fact]
    public async Task A_network_load_balancer_target_in_another_account_is_recorded_with_its_owner()
    {
        const string nlb = "arn:aws:elasticloadbalancing:us-east-1:999988887777:loadbalancer/net/collector/0123456789abcdef";
        var region = Region("us-east-1", 1) with
        {
            Targets = [new AwsMirrorTarget { Id = "tmt-a000000000000000", Type = "network-load-balancer", NetworkLoadBalancerArn = nlb, OwnerId = "999988887777" }],
        };

        var run = await ScanAsync(World(Account(BaseAccount), Account(Prod, region)), e => Options(e, [Prod], "us-east-1"));

        var session = Assert.Single(run.Sessions);
        Assert.Equal(TargetKind.NetworkLoadBalancer, session.Target!.Kind);
        Assert.Equal(nlb, session.Target.ResourceId);
        Assert.Equal("999988887777", session.Target.OwnerAccount);
        Assert.True(session.TargetInForeignAccount);
        Assert.Null(session.Target.InternetFacing);
    }

    [Fact]
    public async Task An_internet_facing_load_balancer_is_recognised_by_its_public_interfaces()
    {
        const string arn = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/ingest/00aa11bb22cc33dd";
        var region = Region("us-east-1", 1) with
        {
            Targets = [new AwsMirrorTarget { Id = "tmt-a000000000000000", Type = "network-load-balancer", NetworkLoadBalancerArn = arn }],
        };
        region = region with
        {
            NetworkInterfaces = [.. region.NetworkInterfaces, new AwsNetworkInterface { Id = "eni-nlb", Description = "ELB net/ingest/00aa11bb22cc33dd", PublicIp = "203.0.113.9", PrivateIpAddress = "10.0.9.9" }],
        };

        var run = await ScanAsync(World(Account(BaseAccount, region)), e => Options(e, [BaseAccount], "us-east-1"));

        var session = Assert.Single(run.Sessions);
        Assert.True(session.Target!.InternetFacing);
        Assert.False(session.TargetInForeignAccount);
    }

    [Fact]
    public async Task Filters_keep_ingress_and_egress_rules_with_ports_and_sources_resolve_to_their_interface()
    {
        var region = Region("us-east-1", 1) with
        {
            Filters =
            [
                new AwsMirrorFilter
                {
                    Id = "tmf-a000000000000000",
                    NetworkServices = ["amazon-dns"],
                    Rules =
                    [
                        new AwsFilterRule { Direction = "ingress", RuleNumber = 10, Action = "reject", Protocol = 17, DestinationPortRange = new AwsPortRange { FromPort = 53, ToPort = 53 }, DestinationCidrBlock = "10.0.0.0/8" },
                        new AwsFilterRule { Direction = "ingress", RuleNumber = 100, Action = "accept", Protocol = 6 },
                        new AwsFilterRule { Direction = "egress", RuleNumber = 100, Action = "accept", Protocol = 6, SourcePortRange = new AwsPortRange { FromPort = 1024, ToPort = 65535 }, SourceCidrBlock = "10.0.0.0/16" },
                    ],
                },
            ],
        };

        var run = await ScanAsync(World(Account(BaseAccount, region)), e => Options(e, [BaseAccount], "us-east-1"));

        var session = Assert.Single(run.Sessions);
        var filter = session.Filter!;
        Assert.Equal(["amazon-dns"], filter.NetworkServices);
        Assert.Equal(3, filter.Rules.Count);
        var reject = Assert.Single(filter.Rules, r => !r.Accept);
        Assert.Equal((TrafficDirection.Ingress, 10, 17, "10.0.0.0/8"), (reject.Direction, reject.RuleNumber, reject.Protocol!.Value, reject.DestinationCidr));
        Assert.Equal(new PortRange(53, 53), reject.DestinationPorts);
        var egress = Assert.Single(filter.Rules, r => r.Direction == TrafficDirection.Egress);
        Assert.Equal(new PortRange(1024, 65535), egress.SourcePorts);
        Assert.Equal("10.0.0.0/16", egress.SourceCidr);
        Assert.Equal(TrafficDirection.Both, session.Direction);
        Assert.False(session.AcceptsEverything);

        var source = Assert.Single(session.Sources);
        Assert.Equal(["10.0.0.1"], source.Addresses);
        Assert.Equal("vpc-0000000000000001", source.Network);
        Assert.StartsWith("i-", source.Instance, StringComparison.Ordinal);
        Assert.Contains("tms-a000000000000000", session.RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_thirty_percent_of_calls_throttled_the_inventory_is_identical()
    {
        var calm = World(Account(BaseAccount, Region("us-east-1", 12), Region("eu-west-1", 7, "e")));
        var throttled = World(Account(BaseAccount,
            Region("us-east-1", 12, faults: new Faults { ThrottleRate = 0.3, Seed = 11 }),
            Region("eu-west-1", 7, "e", new Faults { ThrottleRate = 0.3, Seed = 12 })));

        Func<Uri, AwsOptions> options = e =>
        {
            var o = Options(e, [BaseAccount], "us-east-1", "eu-west-1");
            o.PageSize = 5;
            return o;
        };
        var expected = await ScanAsync(calm, options);
        await using var host = await EmulatorHost.StartAsync(throttled);
        var actual = await new Scanner([new AwsInventorySource(options(host.Endpoint), TimeProvider.System)], TimeProvider.System, 2)
            .RunAsync(null, CancellationToken.None);

        Assert.True(host.Counters.TotalThrottled > 0, "the emulator throttled nothing");
        Assert.All(actual.Scopes, s => Assert.Equal(ScopeStatus.Ok, s.Status));
        Assert.Equal(Canonical(expected), Canonical(actual));
        Assert.True(actual.ApiCalls > expected.ApiCalls, "retries should show as extra calls");
    }

    [Fact]
    public async Task Access_denied_in_one_region_fails_that_scope_and_the_rest_complete()
    {
        var world = World(
            Account(BaseAccount, Region("us-east-1", 2), Region("eu-west-1", 1, "d", new Faults { AccessDenied = true })),
            Account(Prod, Region("us-east-1", 1, "p"), Region("eu-west-1", 1, "q")));

        var run = await ScanAsync(world, e => Options(e, [BaseAccount, Prod], "us-east-1", "eu-west-1"));

        var failed = Assert.Single(run.Scopes, s => s.Status == ScopeStatus.Failed);
        Assert.Equal(new Scope("aws", BaseAccount, "eu-west-1"), failed.Scope);
        Assert.Equal(ScopeErrorKind.AccessDenied, failed.ErrorKind);
        Assert.Contains("UnauthorizedOperation", failed.Error, StringComparison.Ordinal);
        Assert.Equal(4, run.Sessions.Count);
        Assert.True(run.IsPartial);
    }

    [Fact]
    public async Task A_role_that_cannot_be_assumed_fails_its_account_once_and_the_others_complete()
    {
        var world = World(Account(BaseAccount, Region("us-east-1", 1)), Account(Prod, Region("us-east-1", 1, "p")));

        var run = await ScanAsync(world, e =>
        {
            var o = Options(e, [BaseAccount, Prod], "us-east-1");
            o.Accounts[1].ExternalId = "wrong";
            return o;
        });

        var failed = Assert.Single(run.Scopes, s => s.Status == ScopeStatus.Failed);
        Assert.Equal(new Scope("aws", Prod, "*"), failed.Scope);
        Assert.Equal(ScopeErrorKind.AccessDenied, failed.ErrorKind);
        Assert.Single(run.Sessions);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_a_failed_scope_not_a_crash()
    {
        var options = Options(new Uri("http://127.0.0.1:9/"), [BaseAccount], "us-east-1");
        options.MaxRetries = 0;
        options.TimeoutSeconds = 5;

        var run = await new Scanner([new AwsInventorySource(options, TimeProvider.System)], TimeProvider.System, 1).RunAsync(null, CancellationToken.None);

        var scope = Assert.Single(run.Scopes);
        Assert.Equal(ScopeStatus.Failed, scope.Status);
        Assert.Equal(ScopeErrorKind.Unreachable, scope.ErrorKind);
    }

    private static string Canonical(ScanRun run) =>
        JsonSerializer.Serialize(run.Sessions.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => s with { RawJson = null }));
}
