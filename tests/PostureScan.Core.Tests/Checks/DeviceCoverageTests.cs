using PostureScan.Core.Checks.CoverageGap;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Policy;
using PostureScan.Core.Scanning;
using PostureScan.Core.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Core.Tests.Checks;

/// <summary>Coverage rules over network device ports: selection by device, interface pattern, VLAN, description.</summary>
public sealed class DeviceCoverageTests
{
    private const string Collectors = """
        version: 1
        collectors:
          - name: ndr-span
            interfaces: ["*/Gi1/0/48"]
        """;

    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();
    private readonly CoverageGapCheck check = new();

    private static Scope Device(string name) => new(Providers.Cisco, name, Scope.Global);

    private static CandidateSource Port(string device, string name, string? description = null, int? vlan = null, int? channel = null)
    {
        var via = new List<string> { CoverageKeys.DeviceInterface(device, name), CoverageKeys.DeviceInterface(device, "all") };
        if (vlan is { } v)
        {
            via.Add(CoverageKeys.DeviceVlan(device, v));
        }

        if (channel is { } c)
        {
            via.Add(CoverageKeys.DeviceInterface(device, $"Port-channel{c}"));
        }

        return new CandidateSource(
            Device(device),
            new MirroredSource("interface", $"{device}/{name}", description ?? name, null, null, [], TrafficDirection.Both, NoTags),
            via,
            new DevicePort(device, name, description, vlan));
    }

    private static MirrorSession Span(string device, bool enabled, params (string Kind, string Id)[] sources) =>
        Some.Session(
            id: $"{device}/session/1",
            scope: Device(device),
            target: new MirrorTarget($"{device}/destination/1", TargetKind.SwitchPort, "Gi1/0/48", null, null, device, false, null, NoTags),
            enabled: enabled) with
        {
            Sources = [.. sources.Select(s => new MirroredSource(s.Kind, s.Id, s.Id, null, null, [], TrafficDirection.Both, NoTags))],
        };

    private IReadOnlyList<string> Gaps(string rules, IReadOnlyList<MirrorSession> sessions, params CandidateSource[] candidates) =>
        [.. CheckHarness.Run(check, new EvaluationInput(Some.RunOf([.. sessions]), CandidateSources: candidates), Policies.Parse(Collectors + "\n" + rules))
            .Select(r => r.ResourceId)];

    [Fact]
    public void A_port_mirrored_under_an_abbreviated_name_is_covered_and_the_same_name_on_another_device_is_not()
    {
        const string Rule = "coverage: [{ name: access, collector: ndr-span, providers: [cisco], interfaces: [\"*/Gi1/0/*\"] }]";
        var sessions = new[] { Span("acc-sw1", true, ("interface", "Gi1/0/5")) };

        var gaps = Gaps(Rule, sessions, Port("acc-sw1", "GigabitEthernet1/0/5"), Port("acc-sw1", "GigabitEthernet1/0/6"), Port("acc-sw2", "GigabitEthernet1/0/5"));

        Assert.Equal(["acc-sw1/GigabitEthernet1/0/6", "acc-sw2/GigabitEthernet1/0/5"], gaps);
    }

    [Fact]
    public void A_port_is_covered_through_its_access_vlan_its_port_channel_or_every_interface_but_not_by_a_shut_session()
    {
        const string Rule = "coverage: [{ name: all-ports, collector: ndr-span, accounts: [sw] }]";
        var sessions = new[]
        {
            Span("sw", true, ("vlan", "10"), ("interface", "Po7")),
            Span("sw", false, ("interface", "Gi1/0/9")),
        };

        var gaps = Gaps(Rule, sessions, Port("sw", "Gi1/0/1", vlan: 10), Port("sw", "Gi1/0/2", channel: 7), Port("sw", "Gi1/0/3", vlan: 20), Port("sw", "Gi1/0/9"));

        Assert.Equal(["sw/Gi1/0/3", "sw/Gi1/0/9"], gaps);
        Assert.Empty(Gaps(Rule, [Span("sw", true, ("interface", "all"))], Port("sw", "Gi1/0/3", vlan: 20)));
    }

    [Fact]
    public void An_rspan_vlan_received_from_another_switch_covers_no_local_port()
    {
        const string Rule = "coverage: [{ name: v, collector: ndr-span, vlans: [900] }]";
        var session = Span("sw", true) with
        {
            Sources = [new MirroredSource("vlan", "900", "900", null, null, [], TrafficDirection.Both, new Dictionary<string, string> { ["remote-span"] = "true" })],
        };

        Assert.Equal(["sw/Gi1/0/1"], Gaps(Rule, [session], Port("sw", "Gi1/0/1", vlan: 900)));
    }

    [Theory]
    [InlineData("interfaces: [\"acc-*/Gi1/0/*\"]", "acc-sw1/GigabitEthernet1/0/1 acc-sw1/GigabitEthernet1/0/2")]
    [InlineData("interfaces: [\"*/GigabitEthernet1/0/2\"]", "acc-sw1/GigabitEthernet1/0/2 dist-sw/Gi1/0/2")]
    [InlineData("vlans: [10]", "acc-sw1/GigabitEthernet1/0/1 dist-sw/Gi1/0/2")]
    [InlineData("descriptions: [\"*POS*\"]", "acc-sw1/GigabitEthernet1/0/1 dist-sw/Te1/1/1")]
    [InlineData("vlans: [10]\n    descriptions: [\"*pos*\"]", "acc-sw1/GigabitEthernet1/0/1")]
    [InlineData("accounts: [dist-sw]", "dist-sw/Gi1/0/2 dist-sw/Te1/1/1")]
    [InlineData("accounts: [dist-sw]\n    interfaces: [\"*/Te*\"]", "dist-sw/Te1/1/1")]
    public void Rules_select_ports_by_device_interface_pattern_vlan_and_description(string selector, string expected)
    {
        var rule = $"coverage:\n  - name: r\n    collector: ndr-span\n    {selector}\n";

        var gaps = Gaps(rule, [],
            Port("acc-sw1", "GigabitEthernet1/0/1", "POS lane 3", vlan: 10),
            Port("acc-sw1", "GigabitEthernet1/0/2", "printer", vlan: 20),
            Port("dist-sw", "Gi1/0/2", "uplink", vlan: 10),
            Port("dist-sw", "Te1/1/1", "pos aggregation"));

        Assert.Equal(expected.Split(' '), gaps);
    }

    [Fact]
    public void Device_selectors_never_select_cloud_sources_and_tag_selectors_never_select_ports()
    {
        var cloud = Some.Candidate("eni-web1", null, ("env", "prod"));
        var port = Port("sw", "Gi1/0/1", vlan: 10);
        var policy = Policies.Parse(Collectors + "\n" + """
            coverage:
              - { name: ports, collector: ndr-span, vlans: [10] }
              - { name: prod, collector: ndr-span, tags: { env: prod } }
            """);

        Assert.Equal([false, true], policy.Coverage.Select(r => r.Selects(cloud)));
        Assert.Equal([true, false], policy.Coverage.Select(r => r.Selects(port)));
    }

    [Fact]
    public void A_device_known_only_by_show_output_is_an_error_for_the_rule_not_a_pass()
    {
        var failed = ScopeResult.Failed(Device("sw9"), ScopeErrorKind.Other, "sw9.txt is show monitor output, which lists no interfaces", 0, TimeSpan.Zero);
        var input = new EvaluationInput(Some.RunOf(), CandidateSources: [], CandidateScopes: [failed]);

        var result = Assert.Single(CheckHarness.Run(check, input, Policies.Parse(Collectors + "\ncoverage: [{ name: all, collector: ndr-span, providers: [cisco] }]")));

        Assert.Equal(Core.Checks.CheckOutcome.Error, result.Outcome);
        Assert.Contains("show monitor output", result.Message, StringComparison.Ordinal);
    }
}
