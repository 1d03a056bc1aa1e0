using PostureScan.Core.Inventory;
using PostureScan.Gcp.Compute;
using PostureScan.Gcp.Wire;

namespace PostureScan.Gcp.Mapping;

/// <summary>
/// The collector: the internal load balancer's forwarding rule the policy names. Its owner is the
/// project in the rule's URL, so a collector in another project (shared VPC, or foreign) shows as such
/// even when that project cannot be read.
/// </summary>
internal static class TargetMapping
{
    // Which schemes face the internet. A packet mirroring collector must be INTERNAL; anything else is worth a look.
    private static readonly Dictionary<string, bool> InternetFacing = new(StringComparer.OrdinalIgnoreCase)
    {
        ["INTERNAL"] = false,
        ["INTERNAL_MANAGED"] = false,
        ["INTERNAL_SELF_MANAGED"] = false,
        ["EXTERNAL"] = true,
        ["EXTERNAL_MANAGED"] = true,
    };

    public static MirrorTarget? ToTarget(ResourceRef? collector, ResolvedResources resolved)
    {
        if (collector?.Url is not { Length: > 0 } url)
        {
            return null;
        }

        var path = ResourcePath.Parse(url);
        var rule = resolved.Get<ForwardingRule>(path);
        return new MirrorTarget(
            Id: Limits.Text(rule?.SelfLink ?? url, Limits.Url)!,
            Kind: TargetKind.ForwardingRule,
            ResourceId: Limits.Text(url, Limits.Url),
            Address: Limits.Text(rule?.IpAddress, 64),
            DnsName: null,
            OwnerAccount: path?.Project,
            InternetFacing: rule?.LoadBalancingScheme is { } scheme && InternetFacing.TryGetValue(scheme, out var facing) ? facing : null,
            Description: Limits.Prose(rule?.Description),
            Tags: Limits.Map(rule?.Labels),
            RawJson: resolved.Raw(path)?.GetRawText());
    }
}
