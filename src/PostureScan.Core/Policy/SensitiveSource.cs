using System.Net;
using PostureScan.Core.Inventory;

namespace PostureScan.Core.Policy;

/// <summary>
/// Sources whose mirroring needs stricter rules. A mirrored source is sensitive when its tags match
/// <see cref="Tags"/>, one of its addresses lies in one of <see cref="Subnets"/>, or its network (VPC,
/// VNet, GCP network) or its own id is one of <see cref="Networks"/>.
/// </summary>
public sealed record SensitiveSource(
    string Name,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<IPNetwork> Subnets,
    IReadOnlyList<string> Networks)
{
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
