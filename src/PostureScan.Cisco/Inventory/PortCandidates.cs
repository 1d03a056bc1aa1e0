using PostureScan.Cisco.Parsing;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Policy;

namespace PostureScan.Cisco.Inventory;

/// <summary>
/// The coverage candidates of one device: its physical ports that are not shut down, from the interface
/// stanzas of its running-config. Logical interfaces (loopbacks, SVIs, tunnels, management, port-channels)
/// and subinterfaces carry no port of their own to mirror, and a shut-down port carries no traffic; each is
/// left out. A port counts as mirrored through its name, its access VLAN, its port-channel, or an NX-OS
/// session on every interface (<c>source interface all</c>).
/// </summary>
internal static class PortCandidates
{
    /// <summary>Canonical type words of interfaces that are not ports.</summary>
    private static readonly HashSet<string> Logical = new(StringComparer.OrdinalIgnoreCase)
    {
        "loopback", "vlan", "tunnel", "null", "nve", "bdi", "bvi", "mgmt", "management", "virtual-template",
        "virtual-access", "dialer", "port-channel", "vasileft", "vasiright", "lisp",
    };

    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();

    public static IReadOnlyList<CandidateSource> Of(Scope scope, IReadOnlyList<ConfiguredPort> ports)
    {
        var device = scope.Account;
        return [.. ports.Where(p => !p.Shutdown && IsPort(p.Name)).Select(p => new CandidateSource(
            scope,
            new MirroredSource("interface", $"{device}/{p.Name}", p.Description ?? p.Name, null, null, [], TrafficDirection.Both, NoTags),
            Via(device, p),
            new DevicePort(device, p.Name, p.Description, p.AccessVlan)))];
    }

    private static List<string> Via(string device, ConfiguredPort port)
    {
        var keys = new List<string> { CoverageKeys.DeviceInterface(device, port.Name), CoverageKeys.DeviceInterface(device, "all") };
        if (port.AccessVlan is { } vlan)
        {
            keys.Add(CoverageKeys.DeviceVlan(device, vlan));
        }

        if (port.ChannelGroup is { } group)
        {
            keys.Add(CoverageKeys.DeviceInterface(device, $"Port-channel{group}"));
        }

        return keys;
    }

    private static bool IsPort(string name)
    {
        if (name.Contains('.', StringComparison.Ordinal) || InterfaceNames.Canonical(name) is not { } canonical)
        {
            return false;
        }

        var type = new string([.. canonical.TakeWhile(c => char.IsAsciiLetter(c) || c == '-')]);
        return !Logical.Contains(type);
    }
}
