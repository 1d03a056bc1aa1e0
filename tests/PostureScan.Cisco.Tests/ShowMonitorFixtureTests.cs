namespace PostureScan.Cisco.Tests;

/// <summary>Every shape of show monitor output lists the sessions a reader of it would list.</summary>
public sealed class ShowMonitorFixtureTests
{
    [Fact]
    public void Ios_xe_show_monitor_with_prompt_and_load_banner_lists_an_erspan_source_and_destination()
    {
        Assert.Equal(
            [
                "br-edge7/session/3 | erspan-source | enabled | interface:Gi0/2/5:tx -> erspan 198.51.100.77 | erspan-id 33",
                "br-edge7/session/4 | erspan-destination | enabled | erspan:44@10.40.0.7:both -> port Gi0/2/7 | erspan-id 44",
            ],
            SessionText.Render(Fixture.Sessions("show-iosxe-erspan-pair.txt")));
    }

    [Fact]
    public void Admin_disabled_session_is_listed_as_disabled()
    {
        Assert.Equal(
            [
                "wan-rtr2/session/7 | erspan-source | enabled | interface:Gi0/1/2:both -> erspan 10.88.4.2 | erspan-id 7",
                "wan-rtr2/session/8 | erspan-destination | disabled | erspan:8@10.88.9.9:both -> port Gi0/1/3 | erspan-id 8",
            ],
            SessionText.Render(Fixture.Sessions("show-iosxe-erspan-disabled.txt")));
    }

    [Fact]
    public void Rspan_source_and_destination_under_one_repeated_number_are_both_kept()
    {
        Assert.Equal(
            [
                "lab-rtr4/session/6 | rspan-source | enabled | interface:Gi0/0/3:both -> none",
                "lab-rtr4/session/6#2 | rspan-destination | enabled | rspan-vlan:610:both -> port Gi0/0/4",
            ],
            SessionText.Render(Fixture.Sessions("show-iosxe-rspan-pair.txt")));
    }

    [Fact]
    public void Compact_colons_subinterface_source_and_access_group_filter()
    {
        Assert.Equal(
            ["pe-core3/session/5 | erspan-source | enabled | interface:Gi2/1/0.200:both -> erspan 10.21.21.2 | erspan-id 55 | filter access-group 120"],
            SessionText.Render(Fixture.Sessions("show-iosxe-subinterface-acl.txt")));
    }

    [Fact]
    public void Catalyst_show_all_after_automation_log_banner_lists_local_rspan_and_erspan_sessions()
    {
        Assert.Equal(
            [
                "dist-9300-b/session/11 | local | enabled | interface:Gi2/0/14:rx -> port Gi2/0/48 | filter ip-access-group ndr-span-acl",
                "dist-9300-b/session/12 | local | enabled | interface:Gi2/0/15:tx interface:Gi2/0/16:both interface:Gi2/0/17:both -> port Gi2/0/47 | filter mac-access-group ndr-mac-acl",
                "dist-9300-b/session/13 | local | enabled | vlan:30:rx vlan:31:rx vlan:32:rx vlan:40:rx -> port Gi1/0/46",
                "dist-9300-b/session/14 | rspan-source | enabled | interface:Gi2/0/14:rx -> rspan-vlan 940",
                "dist-9300-b/session/60 | erspan-source | enabled | interface:Gi2/0/14:rx -> erspan 10.77.0.20 | erspan-id 60 | filter vlan 214 | \"copy-to-dc2(ndr)\"",
            ],
            SessionText.Render(Fixture.Sessions("show-cat9k-all.txt")));
    }

    [Fact]
    public void Full_field_form_with_none_values_lists_only_what_is_set_and_names_the_device_after_the_file()
    {
        Assert.Equal(
            ["show-cat9k-full-fields/session/2 | local | enabled | interface:Twe3/0/9:both -> port Twe3/0/10"],
            SessionText.Render(Fixture.Sessions("show-cat9k-full-fields.txt")));
    }

    [Fact]
    public void Ios_xe_router_erspan_pair_without_prompt()
    {
        Assert.Equal(
            [
                "show-iosxe-erspan-router/session/21 | erspan-source | enabled | interface:Gi0/0/2:both -> erspan 10.61.3.3 | erspan-id 21",
                "show-iosxe-erspan-router/session/22 | erspan-destination | enabled | erspan:21@10.61.3.3:both -> port Gi0/1/5 | erspan-id 21",
            ],
            SessionText.Render(Fixture.Sessions("show-iosxe-erspan-router.txt")));
    }

    [Fact]
    public void Nx_os_erspan_source_with_all_interfaces_vlan_and_simple_filter_skips_feature_table()
    {
        var parsed = Fixture.Parse("show-nxos-erspan-source.txt");

        Assert.Equal(
            ["show-nxos-erspan-source/session/4 | erspan-source | enabled | interface:all:both -> erspan 172.20.8.40 | erspan-id 40 | filter vlan 300; simple filter 10.30.0.0/24 -> 10.30.0.15/32"],
            SessionText.Render(Fixture.SessionsOf(parsed, "show-nxos-erspan-source.txt")));
        Assert.Empty(parsed.AllIssues);
        var session = Fixture.SessionsOf(parsed, "show-nxos-erspan-source.txt")[0];
        Assert.Equal("172.20.0.1", session.Target!.Tags["origin-ip"]);
        Assert.Equal("default", session.Target.Tags["vrf"]);
        var rule = Assert.Single(session.Filter!.Rules);
        Assert.Equal(("10.30.0.0/24", "10.30.0.15/32"), (rule.SourceCidr, rule.DestinationCidr));
    }

    [Fact]
    public void Nx_os_erspan_destination()
    {
        Assert.Equal(
            ["show-nxos-erspan-destination/session/9 | erspan-destination | enabled | erspan:40@172.20.8.40:both -> port Eth2/11 | erspan-id 40"],
            SessionText.Render(Fixture.Sessions("show-nxos-erspan-destination.txt")));
    }

    [Fact]
    public void Nx_os_local_sessions_with_indented_direction_lines_and_an_admin_shut_session()
    {
        var parsed = Fixture.Parse("show-nxos-local.txt");

        Assert.Equal(
            [
                "leaf-n9k-3/session/1 | local | enabled | interface:Eth1/5:rx interface:Eth1/7:both interface:Eth1/8:both -> port Eth1/48 | filter vlan 100",
                "leaf-n9k-3/session/2 | local | disabled | interface:Eth1/9:both vlan:200:rx -> port Eth1/47",
            ],
            SessionText.Render(Fixture.SessionsOf(parsed, "show-nxos-local.txt")));
        Assert.Empty(parsed.AllIssues);
    }

    [Fact]
    public void Classic_ios_show_with_several_sources_ranges_and_vlan_filters()
    {
        Assert.Equal(
            [
                "closet-3750-2/session/1 | local | enabled | interface:Gi1/0/1:rx interface:Gi1/0/2:rx interface:Gi1/0/3:rx interface:Gi1/0/5:both interface:Gi1/0/7:both -> port Gi1/0/48 | filter vlan 10-12,20",
                "closet-3750-2/session/2 | rspan-source | enabled | vlan:30:rx vlan:31:rx vlan:40:both -> rspan-vlan 950",
            ],
            SessionText.Render(Fixture.Sessions("show-ios-classic-filters.txt")));
    }

    [Theory]
    [InlineData("show-ios-classic-filters.txt")]
    [InlineData("show-nxos-local.txt")]
    [InlineData("show-nxos-erspan-source.txt")]
    [InlineData("show-iosxe-erspan-pair.txt")]
    [InlineData("show-iosxe-erspan-disabled.txt")]
    [InlineData("show-iosxe-rspan-pair.txt")]
    [InlineData("show-iosxe-subinterface-acl.txt")]
    [InlineData("show-cat9k-all.txt")]
    [InlineData("show-cat9k-full-fields.txt")]
    [InlineData("show-iosxe-erspan-router.txt")]
    [InlineData("show-nxos-erspan-destination.txt")]
    public void Real_output_shapes_leave_no_line_unexplained(string fixture)
    {
        var parsed = Fixture.Parse(fixture);

        Assert.Equal(Parsing.DeviceFormat.ShowMonitor, parsed.Format);
        Assert.Empty(parsed.AllIssues);
    }
}
