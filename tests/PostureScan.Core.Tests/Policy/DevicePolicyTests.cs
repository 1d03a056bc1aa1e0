using PostureScan.Core.Inventory;
using PostureScan.Core.Policy;
using PostureScan.Core.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Core.Tests.Policy;

/// <summary>Collectors and sensitive sources that name network-device interfaces and RSPAN VLANs.</summary>
public sealed class DevicePolicyTests
{
    private const string Yaml = """
        version: 1
        collectors:
          - name: ndr-span
            interfaces: [core-sw1/GigabitEthernet1/0/48, "*/Ethernet1/47"]
            rspanVlans: [901]
        sensitive:
          - name: db-uplinks
            interfaces: [core-sw1/Gi1/0/2]
        erspanNetworks: [10.0.0.0/8]
        """;

    private static readonly MirrorPolicy Policy = Policies.Parse(Yaml);

    private static MirrorSession Span(string device, TargetKind kind, string resourceId) =>
        Some.Session(
            id: $"{device}/session/1",
            scope: new Scope(Providers.Cisco, device, Scope.Global),
            target: new MirrorTarget($"{device}/x/{resourceId}", kind, resourceId, null, null, device, false, null, new Dictionary<string, string>()));

    [Theory]
    [InlineData("core-sw1", "Gi1/0/48", true)]
    [InlineData("CORE-SW1", "GigabitEthernet1/0/48", true)]
    [InlineData("core-sw2", "Gi1/0/48", false)]
    [InlineData("core-sw1", "Gi1/0/47", false)]
    [InlineData("core-sw1", "Gi1/0/48,Gi1/0/46", false)]
    [InlineData("spine-n9k-1", "Eth1/47", true)]
    [InlineData("spine-n9k-1", "Ethernet1/47", true)]
    public void A_span_destination_matches_when_every_port_is_a_listed_interface_of_its_device(string device, string ports, bool sanctioned)
    {
        Assert.Equal(sanctioned, Policy.CollectorFor(Span(device, TargetKind.SwitchPort, ports)) is not null);
    }

    [Theory]
    [InlineData("901", true)]
    [InlineData("902", false)]
    public void An_rspan_destination_matches_by_its_vlan(string vlan, bool sanctioned)
    {
        Assert.Equal(sanctioned, Policy.CollectorFor(Span("acc-sw3", TargetKind.RemoteVlan, vlan)) is not null);
    }

    [Fact]
    public void Sensitive_interfaces_are_judged_on_the_sessions_device()
    {
        var source = new MirroredSource("interface", "GigabitEthernet1/0/2", null, null, null, [], TrafficDirection.Both, new Dictionary<string, string>());
        var rule = Assert.Single(Policy.Sensitive);

        Assert.True(rule.Matches(Span("core-sw1", TargetKind.SwitchPort, "Gi1/0/48"), source));
        Assert.False(rule.Matches(Span("core-sw2", TargetKind.SwitchPort, "Gi1/0/48"), source));
    }

    [Fact]
    public void Erspan_networks_are_read()
    {
        Assert.Equal([System.Net.IPNetwork.Parse("10.0.0.0/8")], Policy.SanctionedErspanNetworks);
    }

    [Theory]
    [InlineData("collectors:\n  - name: a\n    interfaces: [Gi1/0/48]", "collectors[0].interfaces[0]", 4, 18)]
    [InlineData("collectors:\n  - name: a\n    interfaces: [core-sw1/not-an-interface]", "collectors[0].interfaces[0]", 4, 18)]
    [InlineData("collectors:\n  - name: a\n    rspanVlans: [4095]", "collectors[0].rspanVlans[0]", 4, 18)]
    [InlineData("erspanNetworks: [10.0.0.1/8]", "erspanNetworks[0]", 2, 18)]
    [InlineData("collectors: [{ name: a, rspanVlans: [1] }]\ncoverage:\n  - { name: c, collector: a, interfaces: [Gi1/0/*] }", "coverage[0].interfaces[0]", 4, 43)]
    [InlineData("collectors: [{ name: a, rspanVlans: [1] }]\ncoverage:\n  - { name: c, collector: a, vlans: [0] }", "coverage[0].vlans[0]", 4, 38)]
    [InlineData("collectors: [{ name: a, rspanVlans: [1] }]\ncoverage:\n  - { name: c, collector: a, vlans: [10], tags: { env: prod } }", "coverage[0].tags", 4, 49)]
    [InlineData("collectors: [{ name: a, rspanVlans: [1] }]\ncoverage:\n  - { name: c, collector: a, providers: [aws], descriptions: [\"*pos*\"] }", "coverage[0].providers", 4, 41)]
    public void Bad_device_values_are_errors_that_name_the_line_and_column(string body, string path, int line, int column)
    {
        var error = Assert.Throws<PolicyFormatException>(() => Policies.Parse("version: 1\n" + body));

        var first = Assert.Single(error.Errors);
        Assert.Equal((path, line, column), (first.Key, first.Line, first.Column));
    }

    [Fact]
    public void Coverage_rules_read_device_port_selectors()
    {
        var policy = Policies.Parse("""
            version: 1
            collectors: [{ name: a, rspanVlans: [901] }]
            coverage:
              - name: pos
                collector: a
                providers: [cisco]
                accounts: [acc-sw1]
                interfaces: ["acc-*/Gi1/0/*", "core-sw1/*"]
                vlans: [10, 20]
                descriptions: ["*POS*"]
            """);

        var rule = Assert.Single(policy.Coverage);
        Assert.Equal(["acc-*/gigabitethernet1/0/*", "core-sw1/*"], rule.Interfaces!.Select(i => i.ToString()));
        Assert.Equal([10, 20], rule.Vlans);
        Assert.Equal("*POS*", Assert.Single(rule.Descriptions!).Pattern);
        Assert.True(rule.SelectsDevicePorts);
        Assert.True(rule.Interfaces![0].Matches("ACC-SW1", "GigabitEthernet1/0/17"));
        Assert.False(rule.Interfaces![0].Matches("acc-sw1", "TenGigabitEthernet1/0/17"));
    }
}
