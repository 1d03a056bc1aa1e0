using System.Net;
using System.Text.Json;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.Gcp.Compute;
using PostureScan.Gcp.Mapping;
using PostureScan.Gcp.Rest;
using PostureScan.Gcp.Wire;
using PostureScan.TestKit;

namespace PostureScan.Gcp.Tests;

/// <summary>The project's own recorded-shape responses (Fixtures/) read into the expected records.</summary>
public sealed class FixtureTests
{
    private const string Compute = "https://www.googleapis.com/compute/beta/";
    private const string ComputeV1 = "https://www.googleapis.com/compute/v1/";
    private static readonly Scope London = new("gcp", "prj-retail-prod", "europe-west2");
    private static readonly Dictionary<string, string> None = [];

    private static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private static JsonElement Json(string name)
    {
        using var document = JsonDocument.Parse(Text(name));
        return document.RootElement.Clone();
    }

    private static ProjectListing Listing()
    {
        var page = JsonSerializer.Deserialize<AggregatedPacketMirrorings>(Text("compute/aggregatedList_packetMirrorings.json"), GcpJson.Options)!;
        var builder = new ProjectListingBuilder("prj-retail-prod");
        builder.Add(page);
        return builder.Build(calls: 1);
    }

    private static MirrorSession Map(Scope scope, ResolvedResources resolved)
    {
        var raw = Assert.Single(Listing().Regions[scope.Region]);
        return PacketMirroringMapper.ToSession(scope, raw, raw.Deserialize<PacketMirroring>(GcpJson.Options)!, resolved);
    }

    [Fact]
    public void The_aggregated_page_splits_into_regions_keeping_empty_ones_and_setting_unreachable_ones_apart()
    {
        var listing = Listing();

        Assert.Equal(["europe-west2", "us-east4", "us-west2"], listing.Regions.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(listing.Regions["us-east4"]);
        Assert.Single(listing.Regions["us-west2"]);
        Assert.Equal(["me-west1"], listing.Unreachable);
        Assert.Equal(1, listing.ClaimCalls());
        Assert.Equal(0, listing.ClaimCalls());
    }

    [Fact]
    public void The_checkout_policy_with_its_subnet_instance_and_collector_is_one_session()
    {
        var resolved = new ResolvedResources(new Dictionary<string, JsonElement>
        {
            ["projects/prj-retail-prod/regions/europe-west2/subnetworks/subnet-checkout"] = Json("compute/subnetworks_get.json"),
            ["projects/prj-retail-prod/zones/europe-west2-b/instances/vm-pay-01"] = Json("compute/instances_get.json"),
            ["projects/prj-netsec-hub/regions/europe-west2/forwardingRules/fr-ndr-hub"] = Json("compute/forwardingRules_get.json"),
        });

        var session = Map(London, resolved);

        const string self = ComputeV1 + "projects/prj-retail-prod/regions/europe-west2/packetMirrorings/pm-ndr-checkout";
        const string network = Compute + "projects/prj-retail-prod/global/networks/vpc-retail";
        const string collector = Compute + "projects/prj-netsec-hub/regions/europe-west2/forwardingRules/fr-ndr-hub";
        var expected = new MirrorSession(
            Id: self,
            Scope: London,
            Name: "pm-ndr-checkout",
            Description: "Checkout tier to the central NDR sensors (CHG-4471)",
            Sources:
            [
                new MirroredSource("subnetwork", Compute + "projects/prj-retail-prod/regions/europe-west2/subnetworks/subnet-checkout", "subnet-checkout", null,
                    ComputeV1 + "projects/prj-retail-prod/global/networks/vpc-retail", ["10.64.8.0/22", "10.96.0.0/16"], TrafficDirection.Ingress, None),
                new MirroredSource("instance", Compute + "projects/prj-retail-prod/zones/europe-west2-b/instances/vm-pay-01", "vm-pay-01", "vm-pay-01",
                    ComputeV1 + "projects/prj-retail-prod/global/networks/vpc-retail", ["10.64.8.23", "10.250.1.23"], TrafficDirection.Ingress,
                    new Dictionary<string, string> { ["app"] = "payments", ["env"] = "prod" }),
                new MirroredSource("network-tag", "pci-scope", "pci-scope", null, network, [], TrafficDirection.Ingress, None),
            ],
            TargetId: collector,
            Target: new MirrorTarget(
                Id: ComputeV1 + "projects/prj-netsec-hub/regions/europe-west2/forwardingRules/fr-ndr-hub",
                Kind: TargetKind.ForwardingRule,
                ResourceId: collector,
                Address: "10.128.4.10",
                DnsName: null,
                OwnerAccount: "prj-netsec-hub",
                InternetFacing: false,
                Description: "NDR sensor pool behind an internal passthrough load balancer",
                Tags: new Dictionary<string, string> { ["team"] = "secops" },
                RawJson: session.Target?.RawJson),
            FilterId: null,
            Filter: new MirrorFilter(self + "#filter", null,
            [
                new FilterRule("ingress-1", TrafficDirection.Ingress, 1, true, 6, "192.168.10.0/24", null, null, null, null),
                new FilterRule("ingress-2", TrafficDirection.Ingress, 2, true, 6, "172.16.0.0/12", null, null, null, null),
            ], [], None),
            Direction: TrafficDirection.Ingress,
            PacketLength: null,
            Enabled: true,
            Priority: 500,
            VirtualNetworkId: null,
            OwnerAccount: "prj-retail-prod",
            Tags: None,
            RawJson: session.RawJson);

        Deep.Equal(expected, session);
        Assert.True(session.TargetInForeignAccount);
        Assert.False(session.AcceptsEverything);
        Assert.Contains("\"isMirroringCollector\": true", session.Target!.RawJson, StringComparison.Ordinal);
        Assert.Contains("\"IPProtocols\"", session.RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disabled_policy_without_a_filter_copies_everything_even_when_its_resources_are_not_visible()
    {
        var session = Map(London with { Region = "us-west2" }, ResolvedResources.None);

        Assert.False(session.Enabled);
        Assert.True(session.AcceptsEverything);
        Assert.Equal(TrafficDirection.Both, session.Direction);
        Assert.Equal("subnet-batch", Assert.Single(session.Sources).Name);
        Assert.Empty(session.Sources[0].Addresses);
        Assert.Equal("prj-retail-prod", session.Target!.OwnerAccount);
        Assert.Null(session.Target.Address);
        Assert.Null(session.Target.InternetFacing);
        Assert.False(session.TargetInForeignAccount);
    }

    [Theory]
    [InlineData("compute/error_403.json", HttpStatusCode.Forbidden, "forbidden", ScopeErrorKind.AccessDenied, true)]
    [InlineData("compute/error_404.json", HttpStatusCode.NotFound, "notFound", ScopeErrorKind.Other, true)]
    [InlineData("compute/error_429.json", (HttpStatusCode)429, "rateLimitExceeded", ScopeErrorKind.Throttled, false)]
    public void Error_bodies_give_their_reason_and_the_scope_error_kind(string file, HttpStatusCode status, string reason, ScopeErrorKind kind, bool notVisible)
    {
        var error = GcpRestClient.ParseError(status, null, Text(file));

        Assert.Equal(reason, error.Reason);
        Assert.Equal(notVisible, error.IsNotVisible);
        Assert.Equal(kind, GcpErrors.Classify(error).Kind);
        Assert.StartsWith($"HTTP {(int)status} {reason}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_that_is_not_google_json_still_gives_the_status()
    {
        var error = GcpRestClient.ParseError(HttpStatusCode.BadGateway, "Bad Gateway", "<html>proxy</html>");

        Assert.Null(error.Reason);
        Assert.Equal("HTTP 502: Bad Gateway", error.Message);
        Assert.Equal(ScopeErrorKind.Unreachable, GcpErrors.Classify(error).Kind);
    }

    [Fact]
    public void The_project_list_yields_the_active_projects_only()
    {
        var page = JsonSerializer.Deserialize<ProjectList>(Text("resourcemanager/projects_list.json"), GcpJson.Options)!;

        Assert.Equal(["prj-retail-prod", "prj-netsec-hub"], ProjectLister.ActiveIds(page));
        Assert.False(string.IsNullOrEmpty(page.NextPageToken));
    }
}
