using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.Emulator;
using PostureScan.Emulator.Worlds;
using static PostureScan.Azure.Tests.AzureEstate;

namespace PostureScan.Azure.Tests;

/// <summary>The real ArmClient, Azure.Core pipeline and ClientSecretCredential against the HTTPS emulator.</summary>
public sealed class AzureInventorySourceTests
{
    private static async Task<ScanRun> ScanAsync(EmulatorHost host, AzureOptions options)
    {
        using var source = new AzureInventorySource(options, TimeProvider.System);
        var run = await new Scanner([source], TimeProvider.System, 4).RunAsync(null, CancellationToken.None);
        Assert.Equal(0, host.Counters.TotalRejectedWrites);
        return run;
    }

    [Fact]
    public async Task A_tap_fed_by_three_nics_resolves_each_source_and_the_destination_to_machine_and_address()
    {
        var collector = NicId(Security, "nic-sensor");
        var tap = TapId(Prod, "vtap-ndr");
        var prod = Subscription(Prod) with
        {
            VirtualNetworkTaps = [TapToNic("vtap-ndr", collector)],
            NetworkInterfaces = [Nic(Prod, "nic-web1", "10.1.0.4", tap), Nic(Prod, "nic-web2", "10.1.0.5", tap), Nic(Prod, "nic-db1", "10.1.0.6", tap)],
        };
        var security = Subscription(Security) with { NetworkInterfaces = [Nic(Security, "nic-sensor", "10.9.0.4")] };
        await using var host = await EmulatorHost.StartAsync(World(100, prod, security));

        var run = await ScanAsync(host, Options(host, Prod, Security));

        Assert.All(run.Scopes, s => Assert.Equal(ScopeStatus.Ok, s.Status));
        var session = Assert.Single(run.Sessions);
        Assert.Equal(tap, session.Id);
        Assert.Equal(new Scope("azure", Prod, "global"), session.Scope);
        Assert.Equal(["10.1.0.4", "10.1.0.5", "10.1.0.6"], session.Sources.SelectMany(s => s.Addresses).Order(StringComparer.Ordinal));
        Assert.All(session.Sources, s =>
        {
            Assert.Equal($"/subscriptions/{Prod}/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-{s.Name}", s.Instance);
            Assert.Equal(s.Id + "/tapConfigurations/tapcfg-0", s.AttachmentId);
            Assert.Equal($"/subscriptions/{Prod}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-app", s.Network);
            Assert.Equal(TrafficDirection.Both, s.Direction);
        });
        var target = session.Target!;
        Assert.Equal(TargetKind.NetworkInterface, target.Kind);
        Assert.Equal(collector, target.ResourceId);
        Assert.Equal("10.9.0.4", target.Address);
        Assert.Equal($"/subscriptions/{Security}/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-nic-sensor", target.Instance);
        Assert.Equal(4789, target.Port);
        Assert.Equal(Security, target.OwnerAccount);
        Assert.False(target.InternetFacing);
        Assert.True(session.AcceptsEverything);
        Assert.True(session.Enabled);
        Assert.Null(session.PacketLength);
        Assert.Equal("secops", session.Tags["owner"]);
        Assert.Contains("\"networkInterfaceTapConfigurations\"", session.RawJson, StringComparison.Ordinal);
        // One GET per NIC: three sources and the destination, never a listing of every NIC.
        Assert.Equal(4, host.Counters.Calls("NetworkInterfaces_Get"));
    }

    [Fact]
    public async Task Taps_are_read_across_at_least_three_pages_and_a_load_balancer_frontend_destination_is_resolved()
    {
        var balancer = new AzureLoadBalancer
        {
            Name = "lb-ndr",
            ResourceGroup = "rg-mirror",
            FrontendIPConfigurations = [new AzureFrontendIpConfiguration { Name = "fe-vxlan", PrivateIPAddress = "10.1.9.10", Subnet = SubnetId(Prod) }],
            Tags = new Dictionary<string, string> { ["tier"] = "ndr" },
        };
        var frontend = $"/subscriptions/{Prod}/resourceGroups/rg-mirror/providers/Microsoft.Network/loadBalancers/lb-ndr/frontendIPConfigurations/fe-vxlan";
        var taps = Enumerable.Range(0, 7).Select(i => new AzureVirtualNetworkTap
        {
            Name = $"vtap-{i}",
            ResourceGroup = "rg-mirror",
            DestinationLoadBalancerFrontEndIPConfiguration = frontend,
            DestinationPort = 4790,
        }).ToList();
        var prod = Subscription(Prod) with { VirtualNetworkTaps = taps, LoadBalancers = [balancer] };
        await using var host = await EmulatorHost.StartAsync(World(2, prod));

        var run = await ScanAsync(host, Options(host, Prod));

        Assert.Equal(7, run.Sessions.Count);
        Assert.Equal(7, run.Sessions.Select(s => s.Id).Distinct().Count());
        Assert.Equal(4, host.Counters.Calls("VirtualNetworkTaps_ListAll"));
        Assert.Equal(1, host.Counters.Calls("LoadBalancers_Get"));
        Assert.All(run.Sessions, s =>
        {
            Assert.Equal(TargetKind.LoadBalancerFrontend, s.Target!.Kind);
            Assert.Equal(frontend, s.Target.ResourceId);
            Assert.Equal("10.1.9.10", s.Target.Address);
            Assert.False(s.Target.InternetFacing);
            Assert.Equal(4790, s.Target.Port);
            Assert.Equal("ndr", s.Target.Tags["tier"]);
            Assert.Empty(s.Sources);
        });
        Assert.Equal(5, run.Scopes.Single().ApiCalls);
    }

    [Fact]
    public async Task Subscriptions_are_discovered_an_empty_one_is_ok_a_denied_one_fails_and_a_throttled_one_completes_after_retry_after()
    {
        var collector = NicId(Prod, "nic-sensor");
        var prod = Subscription(Prod) with
        {
            VirtualNetworkTaps = [TapToNic("vtap-ndr", collector)],
            NetworkInterfaces = [Nic(Prod, "nic-sensor", "10.1.0.9"), Nic(Prod, "nic-app", "10.1.0.10", TapId(Prod, "vtap-ndr"))],
        };
        var throttled = Subscription(Throttled) with
        {
            Faults = new Faults { ThrottleBurst = 2, RetryAfterSeconds = 1 },
            VirtualNetworkTaps = [TapToNic("vtap-t", NicId(Throttled, "nic-x"))],
        };
        var denied = Subscription(Denied) with { Faults = new Faults { AccessDenied = true }, VirtualNetworkTaps = [TapToNic("vtap-d", collector)] };
        var elsewhere = Subscription(Foreign, OtherTenant) with { VirtualNetworkTaps = [TapToNic("vtap-f", collector)] };
        await using var host = await EmulatorHost.StartAsync(World(100, prod, Subscription(Empty), denied, throttled, elsewhere));

        var run = await ScanAsync(host, Options(host));

        Assert.Equal([Prod, Empty, Denied, Throttled], run.Scopes.Select(s => s.Scope.Account));
        var byAccount = run.Scopes.ToDictionary(s => s.Scope.Account);
        Assert.Equal(ScopeStatus.Ok, byAccount[Empty].Status);
        Assert.Equal(ScopeErrorKind.AccessDenied, byAccount[Denied].ErrorKind);
        Assert.StartsWith("AuthorizationFailed: ", byAccount[Denied].Error, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Network/virtualNetworkTaps/read", byAccount[Denied].Error, StringComparison.Ordinal);
        Assert.Equal(ScopeStatus.Ok, byAccount[Throttled].Status);
        Assert.Equal(2, host.Counters.Throttled(Throttled, "global"));
        // Two 429s with Retry-After: 1 while the client's own backoff is 10 ms: the wait is the server's.
        Assert.True(byAccount[Throttled].Duration >= TimeSpan.FromSeconds(1.9), $"took {byAccount[Throttled].Duration}");
        Assert.Equal(2, run.Sessions.Count);
        Assert.Single(run.Sessions.Single(s => s.Scope.Account == Prod).Sources);
        Assert.Equal(0, host.Counters.CallsInScope(Foreign, "global"));
    }

    [Fact]
    public async Task A_subscription_that_keeps_answering_429_is_a_throttled_scope_and_the_others_complete()
    {
        var always = Subscription(Throttled) with { Faults = new Faults { ThrottleRate = 1, RetryAfterSeconds = 0 } };
        await using var host = await EmulatorHost.StartAsync(World(100, always, Subscription(Empty)));
        var options = Options(host, Throttled, Empty);
        options.MaxRetries = 2;

        var run = await ScanAsync(host, options);

        var failed = Assert.Single(run.Scopes, s => s.Status == ScopeStatus.Failed);
        Assert.Equal(Throttled, failed.Scope.Account);
        Assert.Equal(ScopeErrorKind.Throttled, failed.ErrorKind);
        Assert.StartsWith("SubscriptionRequestsThrottled: ", failed.Error, StringComparison.Ordinal);
        Assert.Equal(3, failed.ApiCalls);
        Assert.Equal(ScopeStatus.Ok, run.Scopes.Single(s => s.Scope.Account == Empty).Status);
    }

    [Fact]
    public async Task A_destination_in_another_tenant_is_recorded_as_foreign_and_unreadable()
    {
        var foreignNic = NicId(Foreign, "nic-collector");
        var prod = Subscription(Prod) with
        {
            VirtualNetworkTaps = [TapToNic("vtap-odd", foreignNic)],
            NetworkInterfaces = [Nic(Prod, "nic-pay", "10.1.0.7", TapId(Prod, "vtap-odd"))],
        };
        var foreign = Subscription(Foreign, OtherTenant) with { NetworkInterfaces = [Nic(Foreign, "nic-collector", "172.16.0.4")] };
        await using var host = await EmulatorHost.StartAsync(World(100, prod, foreign));

        var run = await ScanAsync(host, Options(host, Prod));

        var session = Assert.Single(run.Sessions);
        Assert.True(session.TargetInForeignAccount);
        Assert.Equal(Foreign, session.Target!.OwnerAccount);
        Assert.Null(session.Target.Address);
        Assert.Null(session.Target.InternetFacing);
        Assert.Contains("InvalidAuthenticationTokenTenant", session.Target.Description, StringComparison.Ordinal);
        Assert.Equal("10.1.0.7", Assert.Single(Assert.Single(session.Sources).Addresses));
    }

    [Fact]
    public async Task Only_the_pinned_certificate_is_trusted()
    {
        await using var host = await EmulatorHost.StartAsync(World(100, Subscription(Empty)));
        var wrong = Options(host, Empty);
        wrong.TrustedCertificateThumbprint = new string('A', 64);
        var unpinned = Options(host, Empty);
        unpinned.TrustedCertificateThumbprint = null;

        foreach (var options in new[] { wrong, unpinned })
        {
            var run = await ScanAsync(host, options);
            var scope = Assert.Single(run.Scopes);
            Assert.Equal(ScopeStatus.Failed, scope.Status);
        }

        Assert.Equal(0, host.Counters.Calls("Token"));
    }

    [Fact]
    public async Task A_wrong_client_secret_is_access_denied()
    {
        await using var host = await EmulatorHost.StartAsync(World(100, Subscription(Empty)));
        var options = Options(host, Empty);
        options.ClientSecret = "not-the-secret";

        var run = await ScanAsync(host, options);

        var scope = Assert.Single(run.Scopes);
        Assert.Equal(ScopeErrorKind.AccessDenied, scope.ErrorKind);
        Assert.Contains("AADSTS7000215", scope.Error, StringComparison.Ordinal);
    }
}
