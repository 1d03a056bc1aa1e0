using System.Net;
using PostureScan.Core.Inventory;

namespace PostureScan.Core.Policy;

/// <summary>
/// Sources whose mirroring needs stricter rules. A mirrored source is sensitive when its tags match
/// <see cref="Tags"/>, one of its addresses lies in one of <see cref="Subnets"/>, or its network (VPC,
/// VNet, GCP network) or its own id is one of <see cref="Networks"/>. A network device's interface source
/// is sensitive when it is one of <see cref="Interfaces"/> on the session's device.
/// </summary>
public sealed record SensitiveSource(
    string Name,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<IPNetwork> Subnets,
    IReadOnlyList<string> Networks,
    IReadOnlyList<DeviceInterface>? Interfaces = null)
{
    /// <summary>Whether <paramref name="source"/> of <paramref name="session"/> is sensitive, interfaces judged on the session's device.</summary>
    public bool Matches(MirrorSession session, MirroredSource source)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(source);
        return Matches(source)
            || (source.Kind == "interface"
                && Interfaces is { Count: > 0 } interfaces
                && interfaces.Any(i => i.Matches(session.OwnerAccount ?? session.Scope.Account, source.Id)));
    }

    public bool Matches(MirroredSource source) =>
        TagSelector.Matches(Tags, source.Tags)
        || source.Addresses.Any(a => InSubnets(a))
        || Networks.Any(n => string.Equals(n, source.Network, StringComparison.OrdinalIgnoreCase)
            || string.Equals(n, source.Id, StringComparison.OrdinalIgnoreCase));

    private bool InSubnets(string address)
    {
        // Sources may list a CIDR (a mirrored subnetwork) rather than one address: use its first address.
        var text = address.Split('/')[0];
        return IPAddress.TryParse(text, out var ip) && Subnets.Any(s => s.Contains(ip));
    }
}
