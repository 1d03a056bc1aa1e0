using System.Security.Cryptography;
using System.Text;
using System.Xml;
using PostureScan.Emulator.Aws;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Ec2;

/// <summary>DescribeNetworkInterfaces: networkInterfaceSet with the basic fields, paged.</summary>
internal static class DescribeNetworkInterfaces
{
    private static readonly Ec2Listing<AwsNetworkInterface> Listing = new(
        "NetworkInterfaceId",
        n => n.Id,
        "InvalidNetworkInterfaceID.NotFound",
        "network interface",
        new Dictionary<string, Func<AwsNetworkInterface, string, IEnumerable<string?>>>(StringComparer.Ordinal)
        {
            ["addresses.private-ip-address"] = (n, _) => Ec2Values.Of(n.PrivateIpAddress),
            ["association.public-ip"] = (n, _) => Ec2Values.Of(n.PublicIp),
            ["attachment.instance-id"] = (n, _) => Ec2Values.Of(n.InstanceId),
            ["availability-zone"] = (n, _) => Ec2Values.Of(n.AvailabilityZone),
            ["description"] = (n, _) => Ec2Values.Of(n.Description),
            ["network-interface-id"] = (n, _) => Ec2Values.Of(n.Id),
            ["owner-id"] = (n, account) => Ec2Values.Of(n.OwnerId ?? account),
            ["private-ip-address"] = (n, _) => Ec2Values.Of(n.PrivateIpAddress),
            ["status"] = (n, _) => Ec2Values.Of(Status(n)),
            ["subnet-id"] = (n, _) => Ec2Values.Of(n.SubnetId),
            ["vpc-id"] = (n, _) => Ec2Values.Of(n.VpcId),
        },
        n => n.Tags);

    public static QueryResult Handle(QueryCall call)
    {
        var selection = Listing.Select(call, call.RequiredRegion.NetworkInterfaces);
        if (selection.Error is { } error)
        {
            return error;
        }

        return Ec2Xml.Response(call, w =>
        {
            w.Set("networkInterfaceSet", selection.Page, (x, n) => Write(x, n, call.Account.Id));
            w.Element("nextToken", selection.NextToken);
        });
    }

    private static void Write(XmlWriter w, AwsNetworkInterface n, string account)
    {
        var owner = n.OwnerId ?? account;
        w.Element("networkInterfaceId", n.Id);
        w.Element("subnetId", n.SubnetId);
        w.Element("vpcId", n.VpcId);
        w.Element("availabilityZone", n.AvailabilityZone);
        w.Element("description", n.Description ?? "");
        w.Element("ownerId", owner);
        w.Element("requesterManaged", false);
        w.Element("status", Status(n));
        w.Element("privateIpAddress", n.PrivateIpAddress);
        w.Element("sourceDestCheck", true);
        w.Set("groupSet", Array.Empty<string>(), (_, _) => { });
        if (n.InstanceId is not null)
        {
            w.WriteStartElement("attachment");
            w.Element("attachmentId", "eni-attach-" + Derive(n.Id));
            w.Element("instanceId", n.InstanceId);
            w.Element("instanceOwnerId", owner);
            w.Element("deviceIndex", 0);
            w.Element("status", "attached");
            w.Element("deleteOnTermination", true);
            w.WriteEndElement();
        }

        WriteAssociation(w, n);
        w.Tags(n.Tags);
        w.Set("privateIpAddressesSet", n.PrivateIpAddress is null ? [] : new[] { n }, (x, eni) =>
        {
            x.Element("privateIpAddress", eni.PrivateIpAddress);
            x.Element("primary", true);
            WriteAssociation(x, eni);
        });
        w.Set("ipv6AddressesSet", Array.Empty<string>(), (_, _) => { });
        w.Element("interfaceType", "interface");
    }

    private static void WriteAssociation(XmlWriter w, AwsNetworkInterface n)
    {
        if (n.PublicIp is null)
        {
            return;
        }

        w.WriteStartElement("association");
        w.Element("publicIp", n.PublicIp);
        w.Element("ipOwnerId", "amazon");
        w.WriteEndElement();
    }

    private static string Status(AwsNetworkInterface n) => n.InstanceId is null ? "available" : "in-use";

    private static string Derive(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..17];
}
