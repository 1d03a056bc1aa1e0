using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Gcp.Tests;

/// <summary>Coverage candidates: a project's instances through the aggregated list, split by region, against the emulator.</summary>
public sealed class CandidateListingTests
{
    private static readonly IReadOnlyList<IReadOnlyDictionary<string, string>> All = [new Dictionary<string, string>()];

    private static GcpInstance Vm(string name, string zone, params string[] tags) => new()
    {
        Name = name,
        Zone = zone,
        Network = "vpc-prod",
        Subnetwork = "subnet-web",
        NetworkIp = "10.1.0." + (name.Length + 1),
        Labels = new Dictionary<string, string> { ["env"] = "prod" },
        Tags = tags,
    };

    [Fact]
    public async Task Instances_are_listed_page_by_page_per_region_with_their_subnetwork_and_network_tags()
    {
        var project = new GcpProject
        {
            Id = "prj-shop",
            Regions =
            [
                new GcpRegion
                {
                    Name = "europe-west1",
                    Subnetworks = [new GcpSubnetwork { Name = "subnet-web", Network = "vpc-prod", IpCidrRange = "10.1.0.0/24" }],
                    Instances = [Vm("vm-a", "europe-west1-b", "web"), Vm("vm-b", "europe-west1-c"), Vm("vm-c", "europe-west1-b")],
                },
                new GcpRegion { Name = "us-central1", Instances = [Vm("vm-d", "us-central1-a")] },
                new GcpRegion { Name = "me-west1", Unreachable = true, Instances = [Vm("vm-e", "me-west1-a")] },
            ],
        };
        await using var emulator = await GcpEmulator.StartAsync([project]);
        var options = emulator.Options("prj-shop");
        options.PageSize = 2;
        using var source = new GcpInventorySource(options, TimeProvider.System);
        Scope[] scopes = [new("gcp", "prj-shop", "europe-west1"), new("gcp", "prj-shop", "me-west1")];

        var listing = await source.ListCandidatesAsync([.. scopes.Select(s => new CandidateQuery(s, All))], CancellationToken.None);

        Assert.Equal(["vm-a", "vm-c", "vm-b"], listing.Sources.Select(s => s.Source.Name));
        Assert.All(listing.Sources, s => Assert.Equal(scopes[0], s.Scope));
        var a = listing.Sources[0];
        Assert.Equal("https://www.googleapis.com/compute/v1/projects/prj-shop/zones/europe-west1-b/instances/vm-a", a.Source.Id);
        Assert.Equal("prod", a.Source.Tags["env"]);
        var network = "https://www.googleapis.com/compute/v1/projects/prj-shop/global/networks/vpc-prod";
        Assert.Equal(["https://www.googleapis.com/compute/v1/projects/prj-shop/regions/europe-west1/subnetworks/subnet-web", CoverageKeys.NetworkTag(network, "web")], a.Via);
        Assert.Equal([ScopeStatus.Ok, ScopeStatus.Failed], listing.Scopes.Select(r => r.Status));
        Assert.Equal(ScopeErrorKind.Unreachable, listing.Scopes[1].ErrorKind);
        Assert.Equal(2, emulator.Host.Counters.Calls("compute.instances.aggregatedList")); // four reachable VMs, two a page
        Assert.Equal([2, 0], listing.Scopes.Select(r => r.ApiCalls));
        Assert.Equal(0, emulator.Host.Counters.TotalRejectedWrites);
    }

    [Fact]
    public async Task A_denied_listing_fails_every_queried_region_of_the_project()
    {
        var project = new GcpProject
        {
            Id = "prj-locked",
            Faults = new Faults { AccessDenied = true },
            Regions = [new GcpRegion { Name = "europe-west1", Instances = [Vm("vm-a", "europe-west1-b")] }],
        };
        await using var emulator = await GcpEmulator.StartAsync([project]);
        using var source = new GcpInventorySource(emulator.Options("prj-locked"), TimeProvider.System);

        var listing = await source.ListCandidatesAsync([new CandidateQuery(new Scope("gcp", "prj-locked", "europe-west1"), All)], CancellationToken.None);

        Assert.Empty(listing.Sources);
        var failed = Assert.Single(listing.Scopes);
        Assert.Equal(ScopeErrorKind.AccessDenied, failed.ErrorKind);
        Assert.Contains("compute.instances.list", failed.Error, StringComparison.Ordinal);
    }
}
