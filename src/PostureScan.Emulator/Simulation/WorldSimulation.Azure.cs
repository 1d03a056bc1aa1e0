using PostureScan.Emulator.Arm;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Simulation;

public sealed partial class WorldSimulation
{
    private const string ActivityLogDelivery = "Azure Activity Log (ActivityLogs_List of the subscription)";

    /// <summary>
    /// PUT of a virtual network TAP: the TAP, and its Activity Log write (BeginRequest and EndRequest), listed
    /// <paramref name="delaySeconds"/> after the call, as the Activity Log ingests events one to five minutes late.
    /// </summary>
    public PlayedCall PutVirtualNetworkTap(string subscription, SimulatedCaller caller, AzureVirtualNetworkTap tap, int delaySeconds)
    {
        ArgumentNullException.ThrowIfNull(tap);
        var id = ArmIds.Network(subscription, tap.ResourceGroup, "virtualNetworkTaps", tap.Name);
        return PlayArm(subscription, caller, "Microsoft.Network/virtualNetworkTaps/write", id, delaySeconds,
            s => s with { VirtualNetworkTaps = Append(s.VirtualNetworkTaps, tap) });
    }

    /// <summary>PUT of a tap configuration on a network interface: the NIC's traffic now feeds the configuration's TAP.</summary>
    public PlayedCall PutTapConfiguration(
        string subscription, string resourceGroup, string networkInterface, SimulatedCaller caller, AzureTapConfiguration configuration, int delaySeconds)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var id = $"{ArmIds.Network(subscription, resourceGroup, "networkInterfaces", networkInterface)}/tapConfigurations/{configuration.Name}";
        return PlayArm(subscription, caller, "Microsoft.Network/networkInterfaces/tapConfigurations/write", id, delaySeconds,
            s => s with
            {
                NetworkInterfaces = Replace(s.NetworkInterfaces,
                    n => n.Name.Equals(networkInterface, StringComparison.OrdinalIgnoreCase) && n.ResourceGroup.Equals(resourceGroup, StringComparison.OrdinalIgnoreCase),
                    n => n with { TapConfigurations = Append(n.TapConfigurations, configuration) },
                    $"no network interface {resourceGroup}/{networkInterface} in subscription {subscription}"),
            });
    }

    private PlayedCall PlayArm(
        string subscription, SimulatedCaller caller, string operation, string resourceId, int delaySeconds, Func<AzureSubscription, AzureSubscription> change)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var time = Now();
        var call = new AuditRecord
        {
            Time = time,
            Name = operation,
            Actor = caller.Actor,
            SourceIp = caller.SourceIp,
            ResourceId = resourceId,
            Id = NewEventId(),
            DelaySeconds = delaySeconds,
        };
        _state.Change(world => world with
        {
            Azure = world.Azure with
            {
                Subscriptions = Replace(world.Azure.Subscriptions, s => s.Id.Equals(subscription, StringComparison.OrdinalIgnoreCase), change, $"no subscription {subscription}"),
            },
            Audit = WithEvent(world.Audit, world.Audit.ActivityLogs,
                l => l.Subscription.Equals(subscription, StringComparison.OrdinalIgnoreCase),
                l => l with { Events = Append(l.Events, call) },
                () => new Worlds.ActivityLog { Subscription = subscription },
                (audit, logs) => audit with { ActivityLogs = logs }),
        });
        return new PlayedCall(operation, resourceId, time, call.Id!, ActivityLogDelivery, time.AddSeconds(delaySeconds));
    }
}
