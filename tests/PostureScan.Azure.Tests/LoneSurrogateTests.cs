using System.Text;
using PostureScan.Azure.Audit;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.Emulator;
using static PostureScan.Azure.Tests.AzureEstate;

namespace PostureScan.Azure.Tests;

/// <summary>
/// Whoever tags a resource can put an unpaired surrogate escape ("\ud800") in the tag, which
/// System.Text.Json and the SDK's models refuse to read: it must cost neither the scope nor the resource.
/// </summary>
public sealed class LoneSurrogateTests
{
    private static readonly Dictionary<string, string> HostileTags = new() { ["owner"] = "sec\ud800ops", ["k\udc00"] = "v" };

    [Fact]
    public async Task A_tap_and_a_source_nic_tagged_with_unpaired_surrogates_are_read_with_U_FFFD_and_the_scope_stays_ok()
    {
        var collector = NicId(Security, "nic-sensor");
        var hostile = TapId(Prod, "vtap-hostile");
        var plain = TapId(Prod, "vtap-plain");
        var prod = Subscription(Prod) with
        {
            VirtualNetworkTaps = [TapToNic("vtap-hostile", collector) with { Tags = HostileTags }, TapToNic("vtap-plain", collector)],
            NetworkInterfaces =
            [
                Nic(Prod, "nic-web1", "10.1.0.4", hostile) with { Tags = HostileTags },
                Nic(Prod, "nic-web2", "10.1.0.5", plain),
            ],
        };
        var security = Subscription(Security) with { NetworkInterfaces = [Nic(Security, "nic-sensor", "10.9.0.4")] };
        await using var host = await EmulatorHost.StartAsync(World(100, prod, security));
        using var source = new AzureInventorySource(Options(host, Prod, Security), TimeProvider.System);

        var run = await new Scanner([source], TimeProvider.System, 4).RunAsync(null, CancellationToken.None);

        Assert.All(run.Scopes, s => Assert.Equal(ScopeStatus.Ok, s.Status));
        Assert.Equal([hostile, plain], run.Sessions.Select(s => s.Id));
        var tagged = run.Sessions[0];
        Assert.Equal("sec\uFFFDops", tagged.Tags["owner"]);
        Assert.Equal("v", tagged.Tags["k\uFFFD"]);
        Assert.Equal("10.1.0.4", Assert.Single(Assert.Single(tagged.Sources).Addresses));
        Assert.Equal("10.9.0.4", tagged.Target!.Address);
        var untouched = run.Sessions[1];
        Assert.Equal("secops", untouched.Tags["owner"]);
        Assert.Equal("10.1.0.5", Assert.Single(Assert.Single(untouched.Sources).Addresses));
        Assert.Equal(0, host.Counters.TotalRejectedWrites);
    }

    [Fact]
    public async Task A_candidate_nic_tagged_with_unpaired_surrogates_is_listed_with_U_FFFD_beside_the_others()
    {
        var prod = Subscription(Prod) with
        {
            NetworkInterfaces = [Nic(Prod, "nic-web1", "10.1.0.4") with { Tags = HostileTags }, Nic(Prod, "nic-web2", "10.1.0.5")],
        };
        await using var host = await EmulatorHost.StartAsync(World(100, prod));
        using var source = new AzureInventorySource(Options(host, Prod), TimeProvider.System);
        IReadOnlyList<IReadOnlyDictionary<string, string>> all = [new Dictionary<string, string>()];

        var listing = await source.ListCandidatesAsync([new CandidateQuery(new Scope("azure", Prod, Scope.Global), all)], CancellationToken.None);

        Assert.Equal(ScopeStatus.Ok, Assert.Single(listing.Scopes).Status);
        Assert.Equal(["nic-web1", "nic-web2"], listing.Sources.Select(s => s.Source.Name));
        Assert.Equal("sec\uFFFDops", listing.Sources[0].Source.Tags["owner"]);
        Assert.Equal("v", listing.Sources[0].Source.Tags["k\uFFFD"]);
        Assert.Equal("nic-web2", listing.Sources[1].Source.Tags["role"]);
    }

    [Fact]
    public void An_activity_log_next_link_with_an_unpaired_surrogate_reads_with_U_FFFD()
    {
        var page = Encoding.UTF8.GetBytes("""{"value":[],"nextLink":"https://management.azure.com/x?$skiptoken=a\ud800b"}""");

        Assert.Equal("https://management.azure.com/x?$skiptoken=a\uFFFDb", ActivityLogPage.NextLink(page));
    }
}
