using System.Globalization;
using PostureScan.Emulator.Aws;

namespace PostureScan.Emulator.Worlds;

/// <summary>
/// The text of the aws section, and a trail bucket's prefix, is answered in XML (EC2, STS, ELBv2, S3).
/// XML 1.0 cannot carry some characters even escaped, so a value holding one would fail every response
/// that carries it; AWS never returns them. Hostile but representable text (markup, quotes, formulas)
/// stays allowed: it is what the escaping is tested with. Azure and GCP answer in JSON, which carries
/// any character, so their sections are not checked.
/// </summary>
internal sealed partial class WorldValidator
{
    private void ValidateXmlText(World world)
    {
        foreach (var c in world.Aws.Credentials)
        {
            RequireXmlText(c, Empty.Tags, ("accessKeyId", c.AccessKeyId), ("secretAccessKey", c.SecretAccessKey), ("userName", c.UserName));
        }

        foreach (var account in world.Aws.Accounts)
        {
            RequireXmlText(account, Empty.Tags, ("name", account.Name));
            foreach (var role in account.Roles)
            {
                RequireXmlText(role, Empty.Tags, ("name", role.Name), ("externalId", role.ExternalId));
            }

            foreach (var region in account.Regions)
            {
                RequireXmlText(region, Empty.Tags, ("name", region.Name));
                ValidateRegionXmlText(region);
            }
        }

        foreach (var bucket in world.Audit.TrailBuckets)
        {
            RequireXmlText(bucket, Empty.Tags, ("prefix", bucket.Prefix));
        }
    }

    private void ValidateRegionXmlText(AwsRegion region)
    {
        foreach (var t in region.Targets)
        {
            RequireXmlText(t, t.Tags, ("id", t.Id), ("networkInterfaceId", t.NetworkInterfaceId), ("networkLoadBalancerArn", t.NetworkLoadBalancerArn),
                ("gatewayLoadBalancerEndpointId", t.GatewayLoadBalancerEndpointId), ("description", t.Description), ("ownerId", t.OwnerId),
                ("dnsName", t.DnsName), ("vpcId", t.VpcId));
        }

        foreach (var f in region.Filters)
        {
            RequireXmlText(f, f.Tags, ("id", f.Id), ("description", f.Description));
            foreach (var r in f.Rules)
            {
                RequireXmlText(r, r.Tags, ("id", r.Id), ("sourceCidrBlock", r.SourceCidrBlock), ("destinationCidrBlock", r.DestinationCidrBlock),
                    ("description", r.Description));
            }
        }

        foreach (var s in region.Sessions)
        {
            RequireXmlText(s, s.Tags, ("id", s.Id), ("targetId", s.TargetId), ("filterId", s.FilterId), ("networkInterfaceId", s.NetworkInterfaceId),
                ("ownerId", s.OwnerId), ("description", s.Description));
        }

        foreach (var n in region.NetworkInterfaces)
        {
            RequireXmlText(n, n.Tags, ("id", n.Id), ("privateIpAddress", n.PrivateIpAddress), ("publicIp", n.PublicIp), ("subnetId", n.SubnetId),
                ("vpcId", n.VpcId), ("availabilityZone", n.AvailabilityZone), ("instanceId", n.InstanceId), ("description", n.Description),
                ("ownerId", n.OwnerId));
        }
    }

    private void RequireXmlText(object node, IReadOnlyDictionary<string, string> tags, params (string Key, string? Value)[] values)
    {
        foreach (var (key, value) in values)
        {
            RequireXmlText(node, key, value);
        }

        foreach (var (key, value) in tags)
        {
            // The key itself may be the unprintable text, so it is named only once it is known to be clean.
            RequireXmlText(node, "a tag key", key);
            RequireXmlText(node, $"tag '{key}'", value);
        }
    }

    private void RequireXmlText(object node, string what, string? value)
    {
        var at = value is null ? -1 : XmlCharacters.IndexOfUnrepresentable(value);
        Require(node, at < 0, at < 0 ? "" : string.Create(CultureInfo.InvariantCulture,
            $"{what} of {NodeLocations.Friendly(node.GetType().Name)} holds U+{(int)value![at]:X4} at character {at + 1}, which XML 1.0 cannot carry: AWS's XML APIs could never return it"));
    }
}
