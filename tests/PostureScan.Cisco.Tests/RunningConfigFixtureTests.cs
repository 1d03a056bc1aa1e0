using System.Text.Json;
using PostureScan.Cisco.Parsing;
using PostureScan.Core.Inventory;

namespace PostureScan.Cisco.Tests;

/// <summary>Every shape of running-config lists the sessions a reader of it would list.</summary>
public sealed class RunningConfigFixtureTests
{
    [Fact]
    public void Catalyst_config_lists_local_rspan_and_sub_mode_erspan_sessions_with_their_shutdown_state()
    {
        var parsed = Fixture.Parse("config-cat9300.txt");

        Assert.Equal(DeviceFormat.RunningConfig, parsed.Format);
        Assert.Equal(
            [
                "acc-9300-07/session/11 | local | enabled | interface:Gi2/0/14:rx -> port Gi2/0/48 | filter ip-access-group ndr-span-acl",
                "acc-9300-07/session/12 | local | enabled | interface:Gi2/0/15:tx interface:Gi2/0/16:both interface:Gi2/0/17:both -> port Gi2/0/47 | filter mac-access-group ndr-mac-acl",
                "acc-9300-07/session/14 | rspan-source | enabled | interface:Gi2/0/14:rx -> rspan-vlan 940",
                "acc-9300-07/session/60 | erspan-source | enabled | interface:Gi2/0/14:rx -> erspan 10.77.0.20 | erspan-id 60 | filter vlan 214 | \"copy-to-dc2(ndr)\"",
                "acc-9300-07/session/61 | erspan-source | disabled | interface:Gi2/0/20:both interface:Gi2/0/22:both -> erspan 198.51.100.61 | erspan-id 61 | \"staged, not yet approved\"",
                "acc-9300-07/session/62 | erspan-source | disabled | vlan:214:rx -> erspan 10.77.0.21 | erspan-id 62",
            ],
            SessionText.Render(Fixture.SessionsOf(parsed, "config-cat9300.txt")));
        Assert.Empty(parsed.AllIssues);
    }

    [Fact]
    public void Router_config_lists_erspan_source_to_an_outside_address_and_its_destination_session()
    {
        Assert.Equal(
            [
                "wan-asr-2/session/30 | erspan-source | enabled | interface:Gi0/0/3:both -> erspan 203.0.113.45 | erspan-id 30",
                "wan-asr-2/session/31 | erspan-destination | enabled | erspan:30@10.150.7.1:both -> port Gi0/1/6 | erspan-id 30",
            ],
            SessionText.Render(Fixture.Sessions("config-asr-erspan.txt")));
    }

    [Fact]
    public void Classic_ios_config_expands_ranges_and_lists_rspan_source_and_destination()
    {
        Assert.Equal(
            [
                "closet-2960-4/session/1 | local | enabled | interface:Gi1/0/1:both interface:Gi1/0/2:both interface:Gi1/0/3:both interface:Gi1/0/4:both interface:Gi1/0/12:both -> port Gi1/0/48",
                "closet-2960-4/session/2 | rspan-source | enabled | vlan:10:rx vlan:20:rx vlan:21:rx vlan:22:rx -> rspan-vlan 905 | filter vlan 20",
                "closet-2960-4/session/3 | rspan-destination | enabled | rspan-vlan:905:both -> port Gi1/0/47",
            ],
            SessionText.Render(Fixture.Sessions("config-classic-ios.txt")));
    }

    [Fact]
    public void Nx_os_config_lists_blocks_and_treats_a_block_without_no_shut_as_shut_down()
    {
        var parsed = Fixture.Parse("config-nxos.txt");

        Assert.Equal(
            [
                "spine-n9k-1/session/1 | local | enabled | interface:Ethernet1/1:both interface:ethernet1/10:rx interface:ethernet1/11:rx interface:ethernet1/12:rx -> port Ethernet1/48 | filter vlan 100-102,110 | \"ndr tap\"",
                "spine-n9k-1/session/2 | erspan-source | enabled | interface:Ethernet1/2:tx vlan:50:both -> erspan 192.0.2.99 | erspan-id 12 | filter vlan 50",
                "spine-n9k-1/session/3 | local | disabled | interface:port-channel10:rx -> port Ethernet1/47",
            ],
            SessionText.Render(Fixture.SessionsOf(parsed, "config-nxos.txt")));
        Assert.Empty(parsed.AllIssues);
    }

    [Fact]
    public void Session_record_carries_scope_priority_owner_and_aggregate_direction()
    {
        var session = Fixture.Sessions("config-cat9300.txt").Single(s => s.Priority == 61);

        Assert.Equal(new Scope(Providers.Cisco, "acc-9300-07", Scope.Global), session.Scope);
        Assert.Equal("acc-9300-07", session.OwnerAccount);
        Assert.Equal(TrafficDirection.Both, session.Direction);
        Assert.Equal(61L, session.VirtualNetworkId);
        Assert.Equal("erspan/198.51.100.61", session.TargetId);
        Assert.Equal(TargetKind.ErspanAddress, session.Target!.Kind);
        Assert.Null(session.Target.OwnerAccount);
        Assert.True(session.AcceptsEverything);
        Assert.Equal("10.77.0.2", session.Tags["origin-ip"]);
    }

    [Fact]
    public void Filtered_sessions_do_not_accept_everything_and_unfiltered_ones_do()
    {
        var sessions = Fixture.Sessions("config-classic-ios.txt").ToDictionary(s => s.Priority!.Value);

        Assert.True(sessions[1].AcceptsEverything);
        Assert.Null(sessions[1].Filter);
        Assert.False(sessions[2].AcceptsEverything);
        Assert.Equal("20", sessions[2].Filter!.Tags["vlans"]);
        Assert.Equal(TrafficDirection.Ingress, sessions[2].Direction);
    }

    [Fact]
    public void Raw_json_holds_the_numbered_config_lines_of_the_session()
    {
        var session = Fixture.Sessions("config-cat9300.txt").Single(s => s.Priority == 60);

        using var json = JsonDocument.Parse(session.RawJson!);
        var lines = json.RootElement.GetProperty("lines").EnumerateArray()
            .Select(l => (l.GetProperty("line").GetInt32(), l.GetProperty("text").GetString()))
            .ToList();
        Assert.Equal((32, "monitor session 60 type erspan-source"), lines[0]);
        Assert.Contains((40, "ip address 10.77.0.20"), lines);
        Assert.Equal(10, lines.Count);
        Assert.Equal("erspan-source", json.RootElement.GetProperty("type").GetString());
        Assert.Equal("running-config", json.RootElement.GetProperty("input").GetString());
    }
}
