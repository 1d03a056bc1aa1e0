using System.Globalization;
using PostureScan.Core.Inventory;
using PostureScan.Core.Policy;

namespace PostureScan.Core.Findings;

/// <summary>
/// How a mirrored source and a candidate meet: by id, except that a GCP network tag only means something
/// on its own network, so it is keyed "NETWORK|tag", and a device's interfaces and VLANs only on their
/// device, so they are keyed "DEVICE|interface|canonical-name" and "DEVICE|vlan|N" (a session may spell
/// <c>Gi1/0/5</c> where the config says <c>GigabitEthernet1/0/5</c>).
/// </summary>
public static class CoverageKeys
{
    public const string NetworkTagKind = "network-tag";

    /// <summary>The key of a source as a mirror names it; device sources are keyed on the session's device.</summary>
    public static string Of(MirrorSession session, MirroredSource source)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(source);
        if (session.Scope.Provider == Providers.Cisco)
        {
            var device = session.Scope.Account;
            if (source.Kind == "interface")
            {
                return DeviceInterface(device, source.Id);
            }

            // An RSPAN VLAN received from another switch copies none of this device's ports.
            if (source.Kind == "vlan" && !source.Tags.ContainsKey("remote-span")
                && int.TryParse(source.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var vlan))
            {
                return DeviceVlan(device, vlan);
            }
        }

        return Of(source);
    }

    public static string Of(MirroredSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Kind == NetworkTagKind ? NetworkTag(source.Network, source.Id) : source.Id;
    }

    public static string NetworkTag(string? network, string tag) => $"{network}|{tag}";

    /// <summary>An interface of a device, whatever its spelling (<c>all</c> for NX-OS "every interface").</summary>
    public static string DeviceInterface(string device, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return $"{device}|interface|{InterfaceNames.Canonical(name) ?? name.Trim().ToLowerInvariant()}";
    }

    public static string DeviceVlan(string device, int vlan) =>
        string.Create(CultureInfo.InvariantCulture, $"{device}|vlan|{vlan}");
}
