using System.Globalization;
using System.Text.Json.Nodes;
using PostureScan.Emulator.Gcp;
using PostureScan.Emulator.Logging;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Simulation;

/// <summary>
/// The Admin Activity entry of a packetMirrorings.insert, as Compute logs it: the entry the emulator renders
/// for every audit event, with the permission checked, the request body (references as URLs, enable and
/// priority as strings) and the insert operation in the response.
/// </summary>
internal static class PacketMirroringCallRecords
{
    private const string GcloudAgent = "google-cloud-sdk gcloud/502.0.0 command/gcloud.compute.packet-mirrorings.create invocation-id/";
    private const string GcloudAgentTail = " environment/None client-os/LINUX interactive/True from-script/False python/3.12.6";

    public static AuditRecord Insert(AuditRecord call, string project, string region, int index, string? userAgent, GcpPacketMirroring m)
    {
        var resource = call.ResourceId!;
        var entry = JsonNode.Parse(LogEntries.Render(call, project, index).Json)!.AsObject();
        var payload = entry["protoPayload"]!.AsObject();
        payload["requestMetadata"]!["callerSuppliedUserAgent"] = userAgent ?? GcloudAgent + Guid.NewGuid().ToString("N") + GcloudAgentTail;
        payload["requestMetadata"]!["requestAttributes"] = new JsonObject { ["time"] = Time(call.Time), ["auth"] = new JsonObject() };
        payload["authorizationInfo"] = new JsonArray(new JsonObject
        {
            ["resource"] = resource,
            ["permission"] = "compute.packetMirrorings.create",
            ["granted"] = true,
            ["resourceAttributes"] = new JsonObject { ["service"] = "compute", ["name"] = resource, ["type"] = "compute.packetMirrorings" },
            ["permissionType"] = "ADMIN_WRITE",
        });
        payload["request"] = Request(project, region, m);
        var operation = $"operation-{call.Time.ToUnixTimeMilliseconds()}-{Guid.NewGuid().ToString("N")[..13]}";
        payload["response"] = new JsonObject
        {
            ["@type"] = "type.googleapis.com/operation",
            ["id"] = GcpIds.For(operation),
            ["name"] = operation,
            ["operationType"] = "insert",
            ["targetLink"] = GcpLinks.Url(resource),
            ["targetId"] = m.Id ?? GcpIds.For(resource),
            ["status"] = "RUNNING",
            ["user"] = call.Actor,
            ["progress"] = "0",
            ["insertTime"] = Time(call.Time),
            ["startTime"] = Time(call.Time),
            ["selfLink"] = GcpLinks.Url($"projects/{project}/regions/{region}/operations/{operation}"),
            ["region"] = GcpLinks.Url(GcpLinks.Region(project, region)),
        };
        entry["operation"] = new JsonObject { ["id"] = operation, ["producer"] = "compute.googleapis.com", ["first"] = true };
        return call with { Raw = entry.ToJsonString() };
    }

    /// <summary>The insert's body as the API received it; this is what the log keeps of the policy's destination.</summary>
    private static JsonObject Request(string project, string region, GcpPacketMirroring m)
    {
        var request = new JsonObject
        {
            ["@type"] = "type.googleapis.com/compute.packetMirrorings.insert",
            ["collectorIlb"] = new JsonObject { ["url"] = GcpLinks.Url(GcpLinks.ForwardingRule(project, region, m.CollectorIlb)) },
            ["description"] = m.Description,
            ["enable"] = m.Enable ? "TRUE" : "FALSE",
            ["mirroredResources"] = new JsonObject
            {
                ["instances"] = Urls(m.MirroredResources.Instances.Select(i => InstancePath(project, region, i))),
                ["subnetworks"] = Urls(m.MirroredResources.Subnetworks.Select(s => GcpLinks.Subnetwork(project, region, s))),
                ["tags"] = new JsonArray([.. m.MirroredResources.Tags.Select(t => (JsonNode)t)]),
            },
            ["name"] = m.Name,
            ["network"] = new JsonObject { ["url"] = GcpLinks.Url(GcpLinks.Network(project, m.Network)) },
            ["priority"] = m.Priority.ToString(CultureInfo.InvariantCulture),
        };
        if (m.Filter is { } filter)
        {
            request["filter"] = new JsonObject
            {
                ["IPProtocols"] = new JsonArray([.. filter.IpProtocols.Select(p => (JsonNode)p)]),
                ["cidrRanges"] = new JsonArray([.. filter.CidrRanges.Select(c => (JsonNode)c)]),
                ["direction"] = filter.Direction,
            };
        }

        return request;
    }

    /// <summary>"ZONE/NAME" or a bare name (in the region's first zone) as a Compute path; a path stays as it is.</summary>
    private static string InstancePath(string project, string region, string reference)
    {
        if (reference.StartsWith("projects/", StringComparison.Ordinal))
        {
            return reference;
        }

        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        var zone = slash > 0 ? reference[..slash] : region + "-b";
        return $"projects/{project}/zones/{zone}/instances/{reference[(slash + 1)..]}";
    }

    private static JsonArray Urls(IEnumerable<string> paths) => new([.. paths.Select(p => (JsonNode)new JsonObject { ["url"] = GcpLinks.Url(p) })]);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
