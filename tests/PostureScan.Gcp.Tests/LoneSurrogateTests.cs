using System.Net;
using System.Text;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.Emulator.Worlds;
using PostureScan.Gcp.Logging;
using PostureScan.Gcp.Rest;
using static PostureScan.Gcp.Tests.GcpEstate;

namespace PostureScan.Gcp.Tests;

/// <summary>
/// Descriptions and labels are whoever wrote them: an unpaired surrogate escape ("\ud800") in one, which
/// System.Text.Json refuses to read, must cost neither the region nor the other policies.
/// </summary>
public sealed class LoneSurrogateTests
{
    private static GcpProject Project() => new()
    {
        Id = "prj-hostile",
        Regions =
        [
            new GcpRegion
            {
                Name = "us-east4",
                Subnetworks = [new GcpSubnetwork { Name = "subnet-a", Network = "vpc-prod", IpCidrRange = "10.0.0.0/24" }],
                Instances =
                [
                    new GcpInstance
                    {
                        Name = "vm-a", Zone = "us-east4-a", Network = "vpc-prod", Subnetwork = "subnet-a", NetworkIp = "10.0.0.11",
                        Labels = new Dictionary<string, string> { ["env"] = "pr\ud800od" },
                    },
                    new GcpInstance
                    {
                        Name = "vm-b", Zone = "us-east4-a", Network = "vpc-prod", Subnetwork = "subnet-a", NetworkIp = "10.0.0.12",
                        Labels = new Dictionary<string, string> { ["env"] = "prod" },
                    },
                ],
                ForwardingRules =
                [
                    new GcpForwardingRule
                    {
                        Name = "fr-c", IpAddress = "10.0.0.5", Network = "vpc-prod", Description = "ndr\udc00",
                        Labels = new Dictionary<string, string> { ["owner"] = "sec\ud800ops" },
                    },
                ],
                PacketMirrorings =
                [
                    Policy("pm-hostile", "fr-c", instances: ["vm-a"]) with { Description = "web\ud800 tier" },
                    Policy("pm-plain", "fr-c", instances: ["vm-b"]),
                ],
            },
        ],
    };

    [Fact]
    public async Task A_policy_collector_and_instance_with_unpaired_surrogates_read_with_U_FFFD_and_the_region_stays_ok()
    {
        await using var emulator = await GcpEmulator.StartAsync([Project()]);
        using var source = new GcpInventorySource(emulator.Options("prj-hostile"), TimeProvider.System);

        var run = await new Scanner([source], TimeProvider.System, 4).RunAsync(null, CancellationToken.None);

        Assert.All(run.Scopes, s => Assert.Equal(ScopeStatus.Ok, s.Status));
        Assert.Equal(["pm-hostile", "pm-plain"], run.Sessions.Select(s => s.Name).Order(StringComparer.Ordinal));
        var hostile = Assert.Single(run.Sessions, s => s.Name == "pm-hostile");
        Assert.Equal("web\uFFFD tier", hostile.Description);
        Assert.Equal("ndr\uFFFD", hostile.Target!.Description);
        Assert.Equal("sec\uFFFDops", hostile.Target.Tags["owner"]);
        Assert.Equal("pr\uFFFDod", Assert.Single(hostile.Sources).Tags["env"]);
        var plain = Assert.Single(run.Sessions, s => s.Name == "pm-plain");
        Assert.Equal("policy pm-plain", plain.Description);
        Assert.Equal("prod", Assert.Single(plain.Sources).Tags["env"]);
        Assert.Equal(0, emulator.Host.Counters.TotalRejectedWrites);
    }

    [Fact]
    public async Task A_candidate_instance_labelled_with_an_unpaired_surrogate_is_listed_with_U_FFFD_beside_the_others()
    {
        await using var emulator = await GcpEmulator.StartAsync([Project()]);
        using var source = new GcpInventorySource(emulator.Options("prj-hostile"), TimeProvider.System);
        IReadOnlyList<IReadOnlyDictionary<string, string>> all = [new Dictionary<string, string>()];

        var listing = await source.ListCandidatesAsync([new CandidateQuery(new Scope("gcp", "prj-hostile", "us-east4"), all)], CancellationToken.None);

        Assert.Equal(ScopeStatus.Ok, Assert.Single(listing.Scopes).Status);
        Assert.Equal(["pr\uFFFDod", "prod"], listing.Sources.Select(s => s.Source.Tags["env"]));
    }

    [Fact]
    public void An_entries_list_page_token_with_an_unpaired_surrogate_reads_with_U_FFFD()
    {
        var page = Encoding.UTF8.GetBytes("""{"entries":[],"nextPageToken":"tok\ud800en"}""");

        Assert.Equal((true, "tok\uFFFDen"), EntriesListClient.Shape(page));
    }

    [Fact]
    public void An_error_whose_message_holds_an_unpaired_surrogate_is_still_read_as_the_error()
    {
        const string Body = """{"error":{"code":403,"message":"denied to \udc00x","status":"PERMISSION_DENIED"}}""";

        var error = GcpRestClient.ParseError(HttpStatusCode.Forbidden, "Forbidden", Body);

        Assert.Equal("PERMISSION_DENIED", error.Reason);
        Assert.Contains("denied to \uFFFDx", error.Message, StringComparison.Ordinal);
    }
}
