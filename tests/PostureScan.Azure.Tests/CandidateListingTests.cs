using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.Emulator;
using PostureScan.Emulator.Worlds;
using static PostureScan.Azure.Tests.AzureEstate;

namespace PostureScan.Azure.Tests;

/// <summary>Coverage candidates: a subscription's NICs through the SDK's generic resource listing, against the emulator.</summary>
public sealed class CandidateListingTests
{
    private static readonly IReadOnlyList<IReadOnlyDictionary<string, string>> All = [new Dictionary<string, string>()];

    [Fact]
    public async Task Every_nic_of_the_subscription_is_listed_by_type_across_pages_with_its_tags()
    {
        var tap = TapId(Prod, "vtap-ndr");
        var prod = Subscription(Prod) with
        {
            VirtualNetworkTaps = [TapToNic("vtap-ndr", NicId(Prod, "nic-sensor"))],
            NetworkInterfaces =
            [
                Nic(Prod, "nic-web1", "10.1.0.4", tap) with { Tags = new Dictionary<string, string> { ["env"] = "prod" } },
                Nic(Prod, "nic-web2", "10.1.0.5"),
                Nic(Prod, "nic-sensor", "10.1.0.9"),
            ],
        };
        await using var host = await EmulatorHost.StartAsync(World(2, prod));
        using var source = new AzureInventorySource(Options(host, Prod), TimeProvider.System);

        var listing = await source.ListCandidatesAsync([new CandidateQuery(new Scope("azure", Prod, Scope.Global), All)], CancellationToken.None);

        Assert.Equal([NicId(Prod, "nic-sensor"), NicId(Prod, "nic-web1"), NicId(Prod, "nic-web2")], listing.Sources.Select(s => s.Source.Id), StringComparer.OrdinalIgnoreCase);
        Assert.Equal("prod", Assert.Single(listing.Sources, s => s.Source.Name == "nic-web1").Source.Tags["env"]);
        Assert.All(listing.Sources, s => Assert.Equal("network-interface", s.Source.Kind));
        Assert.Equal(ScopeStatus.Ok, Assert.Single(listing.Scopes).Status);
        Assert.Equal(2, host.Counters.Calls("Resources_List"));
        Assert.Equal(0, host.Counters.Calls("VirtualNetworkTaps_ListAll"));
        Assert.Equal(0, host.Counters.TotalRejectedWrites);
    }

    [Fact]
    public async Task A_subscription_that_refuses_the_listing_is_a_failed_scope()
    {
        var locked = Subscription(Prod) with { Faults = new Faults { AccessDenied = true } };
        await using var host = await EmulatorHost.StartAsync(World(100, locked));
        using var source = new AzureInventorySource(Options(host, Prod), TimeProvider.System);

        var listing = await source.ListCandidatesAsync([new CandidateQuery(new Scope("azure", Prod, Scope.Global), All)], CancellationToken.None);

        Assert.Empty(listing.Sources);
        Assert.Equal(ScopeErrorKind.AccessDenied, Assert.Single(listing.Scopes).ErrorKind);
    }
}
