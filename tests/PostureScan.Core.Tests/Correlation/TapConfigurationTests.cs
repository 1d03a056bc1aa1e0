using PostureScan.Core.Attribution;
using PostureScan.Core.Inventory;
using static PostureScan.Core.Tests.Correlation.Correlate;

namespace PostureScan.Core.Tests.Correlation;

/// <summary>
/// An Azure vTAP's tap configurations are parts of it: each attributed from its own
/// networkInterfaces/tapConfigurations/write (logged with an upper-case id, in the NIC's subscription),
/// created after the vTAP it names.
/// </summary>
public sealed class TapConfigurationTests
{
    private const string TapSubscription = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";
    private const string NicSubscription = "0b1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e";
    private const string Tap = $"/subscriptions/{TapSubscription}/resourceGroups/rg-ndr/providers/Microsoft.Network/virtualNetworkTaps/vtap-sensor";
    private const string Nic = $"/subscriptions/{NicSubscription}/resourceGroups/rg-web/providers/Microsoft.Network/networkInterfaces/nic-web07";
    private const string Configuration = $"{Nic}/tapConfigurations/tapcfg-sensor";

    private static readonly Scope TapScope = new(Providers.Azure, TapSubscription, Scope.Global);
    private static readonly Scope NicScope = new(Providers.Azure, NicSubscription, Scope.Global);
    private static readonly DateTimeOffset July = new(2025, 7, 1, 0, 0, 0, TimeSpan.Zero);

    private static MirrorSession Vtap() => Session(TapScope, Tap) with
    {
        Sources = [new MirroredSource("network-interface", Nic, "nic-web07", null, null, ["10.60.1.7"], TrafficDirection.Both, new Dictionary<string, string>(), Configuration)],
    };

    private static List<Core.Audit.AuditEvent> Events() => Read("Correlation/Fixtures/activity-tap-configuration.json");

    [Fact]
    public void A_tap_configuration_is_attributed_as_a_part_from_its_own_write_in_the_NICs_subscription()
    {
        var report = Run([Vtap()], Events(), [Covered(TapScope, July, July.AddDays(2)), Covered(NicScope, July, July.AddDays(2))]);

        var session = Assert.Single(report.Sessions);
        Assert.Equal([PartKinds.Session, PartKinds.TapConfiguration], session.Parts.Select(p => p.Kind));
        Assert.Equal(("ndr-automation@fabrikam.example", "e2000000-0000-4000-8000-000000000002"), (session.Session.Actor, session.Session.EventIds[0]));
        var configuration = session.Parts[1].Attribution;
        Assert.Equal(AttributionState.Attributed, configuration.State);
        Assert.Equal(Configuration, configuration.ResourceId);
        Assert.Equal(("kim@fabrikam.example", "198.51.100.44", "e2000000-0000-4000-8000-000000000004"), (configuration.Actor, configuration.SourceIp, configuration.EventIds[0]));
        Assert.Equal(new DateTimeOffset(2025, 7, 1, 9, 30, 3, TimeSpan.Zero), configuration.CreatedAt);
        Assert.Equal("MICROSOFT.NETWORK/NETWORKINTERFACES/TAPCONFIGURATIONS/WRITE", configuration.CreateEventName);
        Assert.Empty(configuration.Changes); // its BeginRequest is the same call
        // One timeline for the mirror: the vTAP's creation, then its tap configuration's, each call once.
        Assert.Equal(
            [(PartKinds.Session, "e2000000-0000-4000-8000-000000000002"), (PartKinds.TapConfiguration, "e2000000-0000-4000-8000-000000000004")],
            session.Timeline().Select(t => (t.PartKind, t.Change.EventId)));
        // It exists, so it is not reported as a mirror that came and went.
        Assert.Empty(report.DeletedMirrors);
    }

    [Fact]
    public void A_tap_configuration_without_its_write_inside_the_window_after_its_vtap_is_unattributed_missing()
    {
        var vtapOnly = Events().Where(e => !e.EventName.Contains("TAPCONFIGURATIONS", StringComparison.Ordinal));

        var report = Run([Vtap()], vtapOnly, [Covered(TapScope, July, July.AddDays(2)), Covered(NicScope, July, July.AddDays(2))]);

        Assert.Equal(AttributionState.Attributed, report.Sessions[0].Session.State);
        var configuration = Part(report, Configuration);
        Assert.Equal(AttributionState.UnattributedMissing, configuration.State);
        Assert.Contains("2025-07-01T09:00:04", configuration.Reason, StringComparison.Ordinal); // bounded by the vTAP's creation
    }

    [Fact]
    public void A_tap_configuration_whose_subscription_no_source_covers_is_source_unavailable_and_says_so()
    {
        var vtapOnly = Events().Where(e => !e.EventName.Contains("TAPCONFIGURATIONS", StringComparison.Ordinal));

        var report = Run([Vtap()], vtapOnly, [Covered(TapScope, July, July.AddDays(2))]);

        var configuration = Part(report, Configuration);
        Assert.Equal(AttributionState.SourceUnavailable, configuration.State);
        Assert.Equal($"no audit source covers azure/{NicSubscription}/global", configuration.Reason);
        Assert.Equal(AttributionState.Attributed, report.Sessions[0].Session.State);
    }
}
