using System.Net;
using PostureScan.Core.Inventory;

namespace PostureScan.Core.Policy;

/// <summary>
/// A sanctioned destination for mirrored packets. A session's destination matches when its target id,
/// the target's resource id (ENI, load balancer ARN, endpoint, frontend id, forwarding rule link) is one
/// of <see cref="ProviderIds"/>, its address lies in one of <see cref="Cidrs"/>, or its tags match
/// <see cref="Tags"/>. Ids compare case-insensitively because Azure resource ids come in any case.
/// </summary>
public sealed record Collector(
    string Name,
    IReadOnlyList<string> ProviderIds,
    IReadOnlyList<IPNetwork> Cidrs,
    IReadOnlyDictionary<string, string> Tags)
{
    public bool Matches(MirrorSession session)
    {
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
            || TagSelector.Matches(Tags, target.Tags);
    }

    private bool IsListed(string? id) =>
        id is not null && ProviderIds.Any(p => string.Equals(p, id, StringComparison.OrdinalIgnoreCase));
}
