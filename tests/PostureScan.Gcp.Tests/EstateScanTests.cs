using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using static PostureScan.Gcp.Tests.GcpEstate;

namespace PostureScan.Gcp.Tests;

/// <summary>The three-project estate as the scanner reads it from the emulator.</summary>
public sealed class EstateScanTests(EstateScan scan) : IClassFixture<EstateScan>
{
    private ScanRun Run => scan.Run;

    private MirrorSession Session(string name) => Assert.Single(Run.Sessions, s => s.Name == name);

    [Fact]
    public void Each_project_becomes_one_scope_per_region_with_failures_recorded_where_they_happened()
    {
        var scopes = Run.Scopes.ToDictionary(s => s.Scope.Key, s => s);

        Assert.Equal(
            [
                "gcp/prj-denied/*",
                "gcp/prj-prod-web/asia-east1",
                "gcp/prj-prod-web/europe-west1",
                "gcp/prj-prod-web/us-central1",
                "gcp/prj-prod-web/us-west1",
                "gcp/prj-sec-tooling/us-central1",
            ],
            scopes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ScopeErrorKind.AccessDenied, scopes["gcp/prj-denied/*"].ErrorKind);
        Assert.Contains("compute.packetMirrorings.list", scopes["gcp/prj-denied/*"].Error, StringComparison.Ordinal);
        Assert.Equal(ScopeErrorKind.Unreachable, scopes["gcp/prj-prod-web/us-west1"].ErrorKind);
        Assert.All(scopes.Values.Where(s => !s.Scope.Key.EndsWith('*') && s.Scope.Region != "us-west1"),
            s => Assert.Equal(ScopeStatus.Ok, s.Status));
        Assert.True(Run.IsPartial);
    }

    [Fact]
    public void The_aggregated_list_is_read_over_three_pages_and_empty_regions_are_scopes_without_sessions()
    {
        Assert.True(scan.Counters.CallsInScope(ProdWeb, "*") >= 3, $"aggregated calls: {scan.Counters.CallsInScope(ProdWeb, "*")}");
        Assert.Equal(7, Run.Sessions.Count(s => s.Scope == new Scope("gcp", ProdWeb, "us-central1")));
        Assert.Equal(3, Run.Sessions.Count(s => s.Scope == new Scope("gcp", ProdWeb, "europe-west1")));
        Assert.DoesNotContain(Run.Sessions, s => s.Scope.Region is "asia-east1" or "us-west1");
        Assert.Equal(11, Run.Sessions.Count);
        Assert.Equal(Run.Sessions.Count, Run.Sessions.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void A_mirrored_subnet_resolves_to_its_primary_and_secondary_ranges()
    {
        var session = Session("pm-web-subnet");

        var source = Assert.Single(session.Sources);
        Assert.Equal("subnetwork", source.Kind);
        Assert.Equal("subnet-web", source.Name);
        Assert.Equal(["10.10.0.0/20", "10.40.0.0/14"], source.Addresses);
        Assert.EndsWith("/projects/prj-prod-web/global/networks/vpc-prod", source.Network, StringComparison.Ordinal);
        Assert.Equal(TrafficDirection.Ingress, source.Direction);
    }

    [Fact]
    public void Mirrored_instances_resolve_to_internal_addresses_and_tags_stay_tags()
    {
        var session = Session("pm-mixed");

        Assert.Equal(["subnetwork", "instance", "network-tag"], session.Sources.Select(s => s.Kind));
        Assert.Equal(["10.10.16.0/24"], session.Sources[0].Addresses);
        var instance = session.Sources[1];
        Assert.Equal("vm-web-1", instance.Instance);
        Assert.Equal(["10.10.0.11"], instance.Addresses);
        Assert.Equal("web", instance.Tags["tier"]);
        var tag = session.Sources[2];
        Assert.Equal(("web", 0), (tag.Id, tag.Addresses.Count));
        Assert.EndsWith("/global/networks/vpc-prod", tag.Network, StringComparison.Ordinal);
    }

    [Fact]
    public void A_collector_in_the_security_project_is_resolved_and_recorded_as_cross_project()
    {
        var session = Session("pm-web-subnet");

        var target = session.Target!;
        Assert.Equal(TargetKind.ForwardingRule, target.Kind);
        Assert.Equal(SecTooling, target.OwnerAccount);
        Assert.Equal("10.200.0.10", target.Address);
        Assert.False(target.InternetFacing);
        Assert.Equal("secops", target.Tags["owner"]);
        Assert.EndsWith(SharedCollector, target.ResourceId, StringComparison.Ordinal);
        Assert.Contains("\"isMirroringCollector\": true", target.RawJson, StringComparison.Ordinal);
        Assert.True(session.TargetInForeignAccount);
        Assert.Equal(ProdWeb, session.OwnerAccount);
    }

    [Fact]
    public void A_collector_in_a_project_we_cannot_see_keeps_its_owner_without_an_address()
    {
        var session = Session("pm-everything");

        Assert.Equal(Foreign, session.Target!.OwnerAccount);
        Assert.Null(session.Target.Address);
        Assert.True(session.TargetInForeignAccount);
        Assert.True(session.AcceptsEverything);
        Assert.Equal(["subnet-web", "subnet-db"], session.Sources.Select(s => s.Name));
    }

    [Fact]
    public void A_local_collector_is_in_the_policy_project()
    {
        var session = Session("pm-tagged");

        Assert.Equal("10.10.255.10", session.Target!.Address);
        Assert.False(session.TargetInForeignAccount);
        Assert.Equal(["web", "api"], session.Sources.Select(s => s.Id));
    }

    [Fact]
    public void Filters_direction_enable_and_priority_are_normalised()
    {
        var web = Session("pm-web-subnet");
        Assert.Equal(TrafficDirection.Ingress, web.Direction);
        Assert.Equal(900, web.Priority);
        Assert.False(web.AcceptsEverything);
        Assert.Equal(
            [(6, "10.0.0.0/8"), (17, "10.0.0.0/8")],
            web.Filter!.Rules.Select(r => (r.Protocol!.Value, r.SourceCidr!)));
        Assert.All(web.Filter.Rules, r => Assert.Equal(TrafficDirection.Ingress, r.Direction));

        var db = Session("pm-db-instance");
        Assert.False(db.Enabled);
        Assert.Equal(TrafficDirection.Egress, db.Direction);
        Assert.Equal(["10.10.16.5"], db.Sources.Single().Addresses);

        var mixed = Session("pm-mixed");
        Assert.True(mixed.Enabled);
        Assert.Equal(TrafficDirection.Both, mixed.Direction);
        Assert.True(mixed.AcceptsEverything);

        var icmp = Session("pm-icmp");
        Assert.False(icmp.AcceptsEverything);
        Assert.Equal([1, 47, 1, 47], icmp.Filter!.Rules.Select(r => r.Protocol!.Value));
    }

    [Fact]
    public void A_subnet_that_no_longer_exists_leaves_the_policy_reported_without_addresses()
    {
        var session = Session("pm-missing-subnet");

        var source = Assert.Single(session.Sources);
        Assert.Equal("subnet-gone", source.Name);
        Assert.Empty(source.Addresses);
    }

    [Fact]
    public void The_throttled_project_completes_after_waiting_as_told()
    {
        var result = Assert.Single(Run.Scopes, s => s.Scope.Account == SecTooling);

        Assert.Equal(ScopeStatus.Ok, result.Status);
        Assert.Equal(2, scan.Counters.Throttled(SecTooling, "*"));
        // The backoff alone would retry within a few tens of milliseconds; Retry-After asks for a second each time.
        Assert.True(scan.Elapsed >= TimeSpan.FromSeconds(2), $"scan took {scan.Elapsed}");
        // Two 429s, each with Retry-After: 1, then the list, then the subnet and the collector.
        Assert.Equal(5, result.ApiCalls);
        Assert.Single(Run.Sessions, s => s.Scope.Account == SecTooling);
    }

    [Fact]
    public void Sessions_carry_the_policy_json_and_the_scanner_changed_nothing()
    {
        var session = Session("pm-eu-2");

        Assert.Contains("\"kind\": \"compute#packetMirroring\"", session.RawJson, StringComparison.Ordinal);
        Assert.Equal($"https://www.googleapis.com/compute/v1/projects/{ProdWeb}/regions/europe-west1/packetMirrorings/pm-eu-2", session.Id);
        Assert.Equal("policy pm-eu-2", session.Description);
        Assert.Equal(0, scan.Counters.TotalRejectedWrites);
        Assert.Empty(scan.Counters.UnsupportedReadsByAction);
        Assert.True(scan.Counters.Calls("oauth2.token") >= 1);
    }

    [Fact]
    public void Api_calls_count_every_request_once()
    {
        var served = scan.Counters.CallsByAction.Where(a => a.Key.StartsWith("compute.", StringComparison.Ordinal)).Sum(a => a.Value);

        // The denied project's single refused call is not attributed to a collected scope.
        Assert.Equal(served - 1, Run.ApiCalls);
    }
}
