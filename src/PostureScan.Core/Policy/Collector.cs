using System.Net;
using PostureScan.Core.Inventory;

namespace PostureScan.Core.Policy;

/// <summary>
/// A sanctioned destination for mirrored packets. A session's destination matches when its target id,
/// the target's resource id (ENI, load balancer ARN, endpoint, frontend id, forwarding rule link) is one
/// of <see cref="ProviderIds"/>, its address (an ERSPAN destination too) lies in one of <see cref="Cidrs"/>,
/// or its tags match <see cref="Tags"/>. For network devices, a SPAN destination matches when every
/// destination port is one of <see cref="Interfaces"/> on the session's device, and an RSPAN destination
/// when its VLAN is one of <see cref="RspanVlans"/>. Ids compare case-insensitively because Azure resource
/// ids come in any case.
/// </summary>
public sealed record Collector(
    string Name,
    IReadOnlyList<string> ProviderIds,
    IReadOnlyList<IPNetwork> Cidrs,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<DeviceInterface>? Interfaces = null,
    IReadOnlyList<int>? RspanVlans = null)
{
    public bool Matches(MirrorSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (IsListed(session.TargetId))
        {
            return true;
        }

        if (session.Target is not { } target)
        {
            return false;
        }

        return IsListed(target.Id)
            || IsListed(target.ResourceId)
            || (target.Address is { } address && IPAddress.TryParse(address, out var ip) && Cidrs.Any(c => c.Contains(ip)))
            || TagSelector.Matches(Tags, target.Tags)
            || IsSanctionedPort(session, target)
            || IsSanctionedVlan(target);
    }

    /// <summary>Every port the copies leave by must be sanctioned: one unsanctioned port among them leaks the same packets.</summary>
    private bool IsSanctionedPort(MirrorSession session, MirrorTarget target) =>
        target.Kind == TargetKind.SwitchPort
        && Interfaces is { Count: > 0 } interfaces
        && target.ResourceId is { Length: > 0 } ports
        && ports.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } list
        && list.All(port => interfaces.Any(i => i.Matches(target.OwnerAccount ?? session.Scope.Account, port)));

    private bool IsSanctionedVlan(MirrorTarget target) =>
        target.Kind == TargetKind.RemoteVlan
        && RspanVlans is { Count: > 0 } vlans
        && int.TryParse(target.ResourceId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var vlan)
        && vlans.Contains(vlan);

    private bool IsListed(string? id) =>
        id is not null && ProviderIds.Any(p => string.Equals(p, id, StringComparison.OrdinalIgnoreCase));
}
