using PostureScan.Core.Findings;
using PostureScan.Emulator.Simulation;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Validation;

/// <summary>
/// Test 2, Azure virtual network TAP: a guest account creates a TAP whose destination is a NIC in a subscription
/// outside the organisation, then attaches the payments VM's NIC to it. The Activity Log lists both writes only
/// minutes later, as the real service does.
/// </summary>
internal sealed class AzureScenario : IAdversaryScenario
{
    public const string Prod = "2c4e6a8b-1d3f-4a5b-8c7d-9e0f1a2b3c4d";

    /// <summary>How late the Activity Log lists each write (the real service: one to five minutes).</summary>
    public static readonly TimeSpan[] Delays = [TimeSpan.FromSeconds(170), TimeSpan.FromSeconds(230)];

    private const string Tap = "/subscriptions/2c4e6a8b-1d3f-4a5b-8c7d-9e0f1a2b3c4d/resourceGroups/rg-payments/providers/Microsoft.Network/virtualNetworkTaps/vtap-diag-7";
    private static readonly SimulatedCaller Adversary = new("mallory@contoso-partner.onmicrosoft.com", "203.0.113.77");

    public string Name => "azure";

    public PlayedScenario Play(ValidationEstate estate)
    {
        var sim = estate.Emulator.Simulation;
        var tap = sim.PutVirtualNetworkTap(Prod, Adversary, new AzureVirtualNetworkTap
        {
            Name = "vtap-diag-7",
            ResourceGroup = "rg-payments",
            Location = "westeurope",
            DestinationNetworkInterfaceIPConfiguration = "/subscriptions/d00dfeed-1234-4abc-8def-0123456789ab/resourceGroups/rg-tools/providers/Microsoft.Network/networkInterfaces/nic-capture/ipConfigurations/ipconfig1",
            DestinationPort = 4789,
        }, (int)Delays[0].TotalSeconds);
        estate.Clock.Advance(TimeSpan.FromSeconds(9));
        var configuration = sim.PutTapConfiguration(Prod, "rg-payments", "nic-payments01", Adversary,
            new AzureTapConfiguration { Name = "tap-diag", VirtualNetworkTap = Tap }, (int)Delays[1].TotalSeconds);
        estate.Clock.Advance(TimeSpan.FromSeconds(5));

        return new PlayedScenario(
            Name,
            "Azure virtual network TAP",
            Adversary,
            [tap, configuration],
            Tap,
            [configuration.ResourceId],
            [
                new ExpectedFinding("destination-in-foreign-account", Tap, Severity.Critical),
                new ExpectedFinding("unapproved-destination", Tap, Severity.High),
                new ExpectedFinding("created-by-unapproved-principal", Tap, Severity.High),
                new ExpectedFinding("created-from-unapproved-network", Tap, Severity.High),
                new ExpectedFinding("full-packet-capture-of-sensitive-source", Tap, Severity.High),
                new ExpectedFinding("accept-all-filter", Tap, Severity.Medium),
            ],
            [new DetectInput("Activity Log", ["--source", "azure-activity", "--subscription", Prod])],
            ["/subscriptions/6b1f3c2e-8a4d-4e5f-9a6b-7c8d9e0f1a2b/resourceGroups/rg-ndr/providers/Microsoft.Network/virtualNetworkTaps/vtap-ndr"],
            []);
    }
}
