using System.Text.Json;
using Azure;
using PostureScan.Azure.Wire;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.TestKit;

namespace PostureScan.Azure.Tests;

/// <summary>Wire documents in the shapes of the Microsoft.Network REST specification become the expected records.</summary>
public sealed class FixtureTests
{
    private const string Sub = "4b8e2f61-7c3d-4e5a-9b1c-2d3e4f5a6b7c";
    private const string Elsewhere = "0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b";
    private const string Nic = $"/subscriptions/{Sub}/resourceGroups/rg-shop/providers/Microsoft.Network/networkInterfaces/nic-checkout01";
    private const string Balancer = $"/subscriptions/{Sub}/resourceGroups/rg-sensors/providers/Microsoft.Network/loadBalancers/ilb-zeek";
    private static readonly Scope Scope = new("azure", Sub, "global");

    private static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private static IReadOnlyList<ArmDocument> Listing(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("value").EnumerateArray().Select(ArmDocument.Parse)];
    }

    [Fact]
    public void A_listing_page_with_a_load_balancer_and_a_foreign_nic_destination_becomes_two_sessions()
    {
        var taps = Listing(Read("VirtualNetworkTaps_ListAll.json"));
        var resolved = new Dictionary<string, Resolved>(StringComparer.OrdinalIgnoreCase)
        {
            [Nic] = new(ArmDocument.Parse(Read("NetworkInterfaces_Get.json")), null),
            [Balancer] = new(ArmDocument.Parse(Read("LoadBalancers_Get.json")), null),
            [$"/subscriptions/{Elsewhere}/resourceGroups/rg-x/providers/Microsoft.Network/networkInterfaces/nic-capture"] = new(null, "AuthorizationFailed"),
        };

        Assert.Equal([Nic, Balancer, $"/subscriptions/{Elsewhere}/resourceGroups/rg-x/providers/Microsoft.Network/networkInterfaces/nic-capture"],
            taps.SelectMany(TapMapping.Referenced));
        var sessions = taps.Select(t => TapMapping.ToSession(t, Scope, resolved)).ToList();

        Deep.Equal(new[] { ZeekSession(), DebugSession() }, sessions.Select(s => s with { RawJson = null, Target = s.Target! with { RawJson = null } }));
        Assert.Equal(taps[0].Id, JsonDocument.Parse(sessions[0].RawJson!).RootElement.GetProperty("id").GetString());
        Assert.Contains("\"frontendIPConfigurations\"", sessions[0].Target!.RawJson, StringComparison.Ordinal);
        Assert.True(sessions[1].TargetInForeignAccount);
        Assert.False(sessions[0].TargetInForeignAccount);
    }

    [Fact]
    public void The_specification_example_with_its_misspelt_state_is_a_mirroring_session_with_unresolved_ends()
    {
        using var example = JsonDocument.Parse(Read("spec_example_VirtualNetworkTapGet.json"));
        var tap = ArmDocument.Parse(example.RootElement.GetProperty("responses").GetProperty("200").GetProperty("body"));

        var session = TapMapping.ToSession(tap, new Scope("azure", "subid", "global"), new Dictionary<string, Resolved>());

        Assert.True(session.Enabled);
        Assert.Equal("mirror1", session.Name);
        Assert.Empty(session.Tags);
        var source = Assert.Single(session.Sources);
        Assert.Equal("/subscriptions/subid/resourceGroups/rg2/providers/Microsoft.Network/networkInterfaces/sourceNic", source.Id);
        Assert.Equal("sourceNic", source.Name);
        Assert.Equal(source.Id + "/tapConfigurations/tapConfig1", source.AttachmentId);
        Assert.Empty(source.Addresses);
        Assert.Equal(TargetKind.NetworkInterface, session.Target!.Kind);
        Assert.Equal("/subscriptions/subid/resourceGroups/rg2/providers/Microsoft.Network/networkInterfaces/collectorNic", session.Target.ResourceId);
        Assert.Null(session.Target.Address);
        Assert.StartsWith("not readable by the scanner", session.Target.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error_AuthorizationFailed.json", 403, ScopeErrorKind.AccessDenied)]
    [InlineData("error_SubscriptionRequestsThrottled.json", 429, ScopeErrorKind.Throttled)]
    public void CloudError_bodies_classify_by_their_code(string file, int status, ScopeErrorKind kind)
    {
        using var body = JsonDocument.Parse(Read(file));
        var error = body.RootElement.GetProperty("error");
        var code = error.GetProperty("code").GetString()!;
        var exception = new RequestFailedException(status, error.GetProperty("message").GetString()!, code, null);

        var (actualKind, message) = AzureErrors.Classify(exception);

        Assert.Equal(kind, actualKind);
        Assert.StartsWith(code + ": ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_error_message_is_cut_at_its_bound_before_a_surrogate_pair_it_would_split()
    {
        // The message's 500-character bound falls between the two halves of the pair.
        var kept = new string('x', 499);
        var exception = new RequestFailedException(500, kept + "\U0001F600 and the rest of the response", null, null);

        var (_, message) = AzureErrors.Classify(exception);

        Assert.Equal("HTTP 500: " + kept, message);
    }

    private static MirrorSession ZeekSession() => new(
        Id: $"/subscriptions/{Sub}/resourceGroups/rg-sensors/providers/Microsoft.Network/virtualNetworkTaps/vtap-zeek",
        Scope: Scope,
        Name: "vtap-zeek",
        Description: null,
        Sources:
        [
            new MirroredSource(
                Kind: "network-interface",
                Id: Nic,
                Name: "nic-checkout01",
                Instance: $"/subscriptions/{Sub}/resourceGroups/rg-shop/providers/Microsoft.Compute/virtualMachines/vm-checkout01",
                Network: $"/subscriptions/{Sub}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-shop",
                Addresses: ["10.42.3.7", "10.42.3.8"],
                Direction: TrafficDirection.Both,
                Tags: new Dictionary<string, string> { ["app"] = "checkout" },
                AttachmentId: Nic + "/tapConfigurations/tap-zeek"),
        ],
        TargetId: Balancer + "/frontendIPConfigurations/fe-vxlan",
        Target: new MirrorTarget(
            Id: Balancer + "/frontendIPConfigurations/fe-vxlan",
            Kind: TargetKind.LoadBalancerFrontend,
            ResourceId: Balancer + "/frontendIPConfigurations/fe-vxlan",
            Address: "10.42.250.10",
            DnsName: null,
            OwnerAccount: Sub,
            InternetFacing: false,
            Description: null,
            Tags: new Dictionary<string, string> { ["owner"] = "soc" },
            RawJson: null,
            Instance: null,
            Port: 4789),
        FilterId: null,
        Filter: null,
        Direction: TrafficDirection.Both,
        PacketLength: null,
        Enabled: true,
        Priority: null,
        VirtualNetworkId: null,
        OwnerAccount: Sub,
        Tags: new Dictionary<string, string> { ["owner"] = "soc", ["ticket"] = "CHG-2041" });

    private static MirrorSession DebugSession()
    {
        var nic = $"/subscriptions/{Elsewhere}/resourceGroups/rg-x/providers/Microsoft.Network/networkInterfaces/nic-capture";
        return new MirrorSession(
            Id: $"/subscriptions/{Sub}/resourceGroups/rg-shop/providers/Microsoft.Network/virtualNetworkTaps/vtap-debug",
            Scope: Scope,
            Name: "vtap-debug",
            Description: null,
            Sources: [],
            TargetId: nic + "/ipConfigurations/ipconfig1",
            Target: new MirrorTarget(
                Id: nic + "/ipConfigurations/ipconfig1",
                Kind: TargetKind.NetworkInterface,
                ResourceId: nic,
                Address: null,
                DnsName: null,
                OwnerAccount: Elsewhere,
                InternetFacing: null,
                Description: "not readable by the scanner: AuthorizationFailed",
                Tags: new Dictionary<string, string>(),
                RawJson: null,
                Instance: null,
                Port: 4789),
            FilterId: null,
            Filter: null,
            Direction: TrafficDirection.Both,
            PacketLength: null,
            Enabled: false,
            Priority: null,
            VirtualNetworkId: null,
            OwnerAccount: Sub,
            Tags: new Dictionary<string, string>());
    }
}
