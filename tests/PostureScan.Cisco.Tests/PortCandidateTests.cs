using PostureScan.Cisco.Parsing;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.TestKit;

namespace PostureScan.Cisco.Tests;

/// <summary>Coverage candidates of a device: the ports of its running-config, and a plain refusal for show output.</summary>
public sealed class PortCandidateTests
{
    private const string Config = """
        hostname acc-sw5
        !
        interface GigabitEthernet1/0/1
         description POS lane 1
         switchport access vlan 10
         switchport mode access
        !
        interface GigabitEthernet1/0/2
         switchport mode access
         shutdown
        !
        interface GigabitEthernet1/0/3
         description printer
         switchport mode access
        !
        interface GigabitEthernet1/0/4
         description to-dist
         switchport mode trunk
         channel-group 7 mode active
        !
        interface GigabitEthernet0/0
         description oob
         no switchport
         ip address 192.0.2.5 255.255.255.0
        !
        interface GigabitEthernet1/0/5.100
         encapsulation dot1Q 100
        !
        interface Port-channel7
         switchport mode trunk
        !
        interface Vlan10
         ip address 10.10.0.1 255.255.255.0
        !
        interface Loopback0
        !
        monitor session 1 source vlan 10 rx
        monitor session 1 destination interface Gi1/0/48
        end
        """;

    [Fact]
    public void Interface_stanzas_give_description_access_vlan_shutdown_and_port_channel()
    {
        var ports = CiscoDeviceParser.Parse(Config).Ports!;

        Assert.Equal(
            [
                new ConfiguredPort("GigabitEthernet1/0/1", "POS lane 1", 10, false, null),
                new ConfiguredPort("GigabitEthernet1/0/2", null, 1, true, null),
                new ConfiguredPort("GigabitEthernet1/0/3", "printer", 1, false, null),
                new ConfiguredPort("GigabitEthernet1/0/4", "to-dist", null, false, 7),
                new ConfiguredPort("GigabitEthernet0/0", "oob", null, false, null),
                new ConfiguredPort("GigabitEthernet1/0/5.100", null, null, false, null),
                new ConfiguredPort("Port-channel7", null, null, false, null),
                new ConfiguredPort("Vlan10", null, null, false, null),
                new ConfiguredPort("Loopback0", null, null, false, null),
            ],
            ports);
    }

    [Fact]
    public void Nx_os_stanzas_read_the_same_way()
    {
        Assert.Equal([new ConfiguredPort("Ethernet1/1", "to-leaf-1", null, false, null)], Fixture.Parse("config-nxos.txt").Ports);
        Assert.Null(Fixture.Parse("show-nxos-local.txt").Ports);
    }

    [Fact]
    public async Task The_lister_gives_the_ports_that_carry_traffic_with_what_a_mirror_may_select_them_by()
    {
        using var dir = new TemporaryDirectory().WithText("acc-sw5.cfg", Config);
        var source = new CiscoInventorySource(new CiscoInventoryOptions(dir.Path));
        var scope = new Scope(Providers.Cisco, "acc-sw5", Scope.Global);

        var listing = await source.ListCandidatesAsync([new CandidateQuery(scope, [new Dictionary<string, string>()])], CancellationToken.None);

        Assert.Equal(ScopeStatus.Ok, Assert.Single(listing.Scopes).Status);
        Assert.Equal(
            ["acc-sw5/GigabitEthernet1/0/1", "acc-sw5/GigabitEthernet1/0/3", "acc-sw5/GigabitEthernet1/0/4", "acc-sw5/GigabitEthernet0/0"],
            listing.Sources.Select(s => s.Source.Id));
        var pos = listing.Sources[0];
        Assert.Equal(new DevicePort("acc-sw5", "GigabitEthernet1/0/1", "POS lane 1", 10), pos.Port);
        Assert.Equal(("interface", "POS lane 1"), (pos.Source.Kind, pos.Source.Name));
        Assert.Contains(CoverageKeys.DeviceVlan("acc-sw5", 10), pos.Via!);
        Assert.Contains(CoverageKeys.DeviceInterface("acc-sw5", "Gi1/0/1"), pos.Via!);
        Assert.Contains(CoverageKeys.DeviceInterface("acc-sw5", "Po7"), listing.Sources[2].Via!);
    }

    [Fact]
    public async Task A_device_known_only_by_show_output_fails_its_listing_and_says_why()
    {
        using var dir = new TemporaryDirectory().WithFixture("show-nxos-local.txt").WithText("acc-sw5.cfg", Config);
        var source = new CiscoInventorySource(new CiscoInventoryOptions(dir.Path));
        var discovery = await source.DiscoverAsync(CancellationToken.None);
        var queries = discovery.Scopes.Select(s => new CandidateQuery(s, [new Dictionary<string, string>()])).ToList();

        var listing = await source.ListCandidatesAsync(queries, CancellationToken.None);

        var failed = Assert.Single(listing.Scopes, s => s.Status == ScopeStatus.Failed);
        Assert.Equal("leaf-n9k-3", failed.Scope.Account);
        Assert.Equal(
            "show-nxos-local.txt is show monitor output, which lists no interfaces: candidates cannot be listed from it (give the device's running-config)",
            failed.Error);
        Assert.All(listing.Sources, s => Assert.Equal("acc-sw5", s.Scope.Account));
    }
}
