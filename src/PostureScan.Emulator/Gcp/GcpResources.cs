using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Gcp;

/// <summary>
/// The world's resources in Compute's JSON: key order, string ids, kind fields, selfLinks and
/// {url, canonicalUrl} references as Compute serves them.
/// </summary>
internal static class GcpResources
{
    /// <summary>Every resource of a world was created at the same moment; the offset is Google's local one.</summary>
    private const string Created = "2025-03-04T05:06:07.890-08:00";

    public static JsonObject PacketMirroring(string project, GcpRegion region, GcpPacketMirroring p)
    {
        var path = $"{GcpLinks.Region(project, region.Name)}/packetMirrorings/{p.Name}";
        var json = new JsonObject
        {
            ["kind"] = "compute#packetMirroring",
            ["id"] = p.Id ?? GcpIds.For(path),
            ["creationTimestamp"] = Created,
            ["name"] = p.Name,
        };
        if (p.Description is not null)
        {
            json["description"] = GcpJsonOutput.Text(p.Description);
        }

        json["region"] = GcpLinks.Url(GcpLinks.Region(project, region.Name));
        json["network"] = Reference(GcpLinks.Network(project, p.Network));
        json["priority"] = p.Priority;
        json["collectorIlb"] = Reference(GcpLinks.ForwardingRule(project, region.Name, p.CollectorIlb));
        json["mirroredResources"] = MirroredResources(project, region, p.MirroredResources);
        if (p.Filter is { } filter)
        {
            json["filter"] = Filter(filter);
        }

        json["enable"] = p.Enable ? "TRUE" : "FALSE";
        json["selfLink"] = GcpLinks.Url(path);
        return json;
    }

    public static JsonObject Subnetwork(string project, string region, GcpSubnetwork s)
    {
        var path = $"{GcpLinks.Region(project, region)}/subnetworks/{s.Name}";
        var json = new JsonObject
        {
            ["kind"] = "compute#subnetwork",
            ["id"] = s.Id ?? GcpIds.For(path),
            ["creationTimestamp"] = Created,
            ["name"] = s.Name,
            ["network"] = GcpLinks.Url(GcpLinks.Network(project, s.Network)),
            ["ipCidrRange"] = s.IpCidrRange,
            ["gatewayAddress"] = Gateway(s.IpCidrRange),
            ["region"] = GcpLinks.Url(GcpLinks.Region(project, region)),
            ["selfLink"] = GcpLinks.Url(path),
            ["privateIpGoogleAccess"] = false,
            ["fingerprint"] = Fingerprint(path),
            ["purpose"] = "PRIVATE",
            ["stackType"] = "IPV4_ONLY",
        };
        if (s.SecondaryIpRanges.Count > 0)
        {
            json["secondaryIpRanges"] = new JsonArray([.. s.SecondaryIpRanges.Select(r =>
                (JsonNode)new JsonObject { ["rangeName"] = r.RangeName, ["ipCidrRange"] = r.IpCidrRange })]);
        }

        return json;
    }

    public static JsonObject Instance(string project, GcpRegion region, GcpInstance i)
    {
        var path = $"{GcpLinks.Zone(project, i.Zone)}/instances/{i.Name}";
        var nic = new JsonObject
        {
            ["kind"] = "compute#networkInterface",
            ["network"] = GcpLinks.Url(GcpLinks.Network(project, i.Network)),
        };
        if (i.Subnetwork is not null)
        {
            nic["subnetwork"] = GcpLinks.Url(GcpLinks.Subnetwork(project, region.Name, i.Subnetwork));
        }

        if (i.NetworkIp is not null)
        {
            nic["networkIP"] = i.NetworkIp;
        }

        nic["name"] = "nic0";
        nic["fingerprint"] = Fingerprint(path + "/nic0");
        nic["stackType"] = "IPV4_ONLY";

        var json = new JsonObject
        {
            ["kind"] = "compute#instance",
            ["id"] = i.Id ?? GcpIds.For(path),
            ["creationTimestamp"] = Created,
            ["name"] = i.Name,
            ["tags"] = new JsonObject { ["items"] = Strings(i.Tags), ["fingerprint"] = Fingerprint(path + "/tags") },
            ["machineType"] = GcpLinks.Url($"{GcpLinks.Zone(project, i.Zone)}/machineTypes/e2-standard-2"),
            ["status"] = "RUNNING",
            ["zone"] = GcpLinks.Url(GcpLinks.Zone(project, i.Zone)),
            ["networkInterfaces"] = new JsonArray(nic),
            ["selfLink"] = GcpLinks.Url(path),
        };
        if (i.Labels.Count > 0)
        {
            json["labels"] = Labels(i.Labels);
        }

        return json;
    }

    public static JsonObject ForwardingRule(string project, string region, GcpForwardingRule f)
    {
        var path = $"{GcpLinks.Region(project, region)}/forwardingRules/{f.Name}";
        var json = new JsonObject
        {
            ["kind"] = "compute#forwardingRule",
            ["id"] = f.Id ?? GcpIds.For(path),
            ["creationTimestamp"] = Created,
            ["name"] = f.Name,
        };
        if (f.Description is not null)
        {
            json["description"] = GcpJsonOutput.Text(f.Description);
        }

        json["region"] = GcpLinks.Url(GcpLinks.Region(project, region));
        json["IPAddress"] = f.IpAddress;
        json["IPProtocol"] = "TCP";
        json["allPorts"] = true;
        json["backendService"] = GcpLinks.Url($"{GcpLinks.Region(project, region)}/backendServices/{f.Name}-backend");
        json["loadBalancingScheme"] = f.LoadBalancingScheme;
        json["network"] = GcpLinks.Url(GcpLinks.Network(project, f.Network));
        json["networkTier"] = "PREMIUM";
        json["isMirroringCollector"] = f.IsMirroringCollector;
        if (f.Labels.Count > 0)
        {
            json["labels"] = Labels(f.Labels);
        }

        json["fingerprint"] = Fingerprint(path);
        json["selfLink"] = GcpLinks.Url(path);
        return json;
    }

    public static JsonObject Project(GcpProject p) => new()
    {
        ["projectNumber"] = p.Number ?? GcpIds.ProjectNumber(p.Id),
        ["projectId"] = p.Id,
        ["lifecycleState"] = p.LifecycleState,
        ["name"] = p.Name ?? p.Id,
        ["createTime"] = "2025-03-04T13:06:07.890Z",
    };

    private static JsonObject MirroredResources(string project, GcpRegion region, GcpMirroredResources m)
    {
        var json = new JsonObject();
        if (m.Subnetworks.Count > 0)
        {
            json["subnetworks"] = new JsonArray([.. m.Subnetworks.Select(s => (JsonNode)Reference(GcpLinks.Subnetwork(project, region.Name, s)))]);
        }

        if (m.Instances.Count > 0)
        {
            json["instances"] = new JsonArray([.. m.Instances.Select(i => (JsonNode)Reference(GcpLinks.Instance(project, region, i)))]);
        }

        if (m.Tags.Count > 0)
        {
            json["tags"] = Strings(m.Tags);
        }

        return json;
    }

    private static JsonObject Filter(GcpMirrorFilter f)
    {
        var json = new JsonObject();
        if (f.CidrRanges.Count > 0)
        {
            json["cidrRanges"] = Strings(f.CidrRanges);
        }

        if (f.IpProtocols.Count > 0)
        {
            json["IPProtocols"] = Strings(f.IpProtocols);
        }

        json["direction"] = f.Direction;
        return json;
    }

    private static JsonObject Reference(string path) => new() { ["url"] = GcpLinks.Url(path), ["canonicalUrl"] = GcpLinks.Canonical(path) };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static JsonObject Labels(IReadOnlyDictionary<string, string> labels) =>
        new(labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => KeyValuePair.Create(l.Key, (JsonNode?)GcpJsonOutput.Text(l.Value))));

    private static string Fingerprint(string path) => Convert.ToBase64String(Encoding.UTF8.GetBytes(GcpIds.For(path))[..8]);

    /// <summary>The first host address of the primary range, which Compute reserves for the gateway.</summary>
    private static string? Gateway(string cidr)
    {
        if (!IPNetwork.TryParse(cidr, out var network) || network.BaseAddress.AddressFamily != AddressFamily.InterNetwork)
        {
            return null;
        }

        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, BinaryPrimitives.ReadUInt32BigEndian(network.BaseAddress.GetAddressBytes()) + 1);
        return new IPAddress(bytes).ToString();
    }
}
