using System.Globalization;
using System.Text.Json.Nodes;
using PostureScan.Emulator.CloudTrail;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Simulation;

/// <summary>
/// The CloudTrail record of an EC2 traffic-mirroring create call, as EC2 logs it: the request's parameters
/// under <c>{Operation}Request</c> in the SDK's PascalCase, and the response under <c>{Operation}Response</c>
/// with the created resource in the query protocol's camelCase, its id included.
/// </summary>
internal static class Ec2CallRecords
{
    private const string Xmlns = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private const string CliAgent = "aws-cli/2.17.60 md/awscrt#0.21.2 ua/2.0 os/linux#6.5.0 md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/prompt#off md/command#ec2.";

    public static AuditRecord Target(AuditRecord call, string account, string region, string? userAgent, AwsMirrorTarget t) => Render(call, account, region, userAgent, "target",
        new JsonObject
        {
            ["Description"] = t.Description,
            ["NetworkInterfaceId"] = t.NetworkInterfaceId,
            ["NetworkLoadBalancerArn"] = t.NetworkLoadBalancerArn,
            ["GatewayLoadBalancerEndpointId"] = t.GatewayLoadBalancerEndpointId,
        },
        "trafficMirrorTarget",
        new JsonObject
        {
            ["description"] = t.Description,
            ["gatewayLoadBalancerEndpointId"] = t.GatewayLoadBalancerEndpointId,
            ["networkInterfaceId"] = t.NetworkInterfaceId,
            ["networkLoadBalancerArn"] = t.NetworkLoadBalancerArn,
            ["ownerId"] = t.OwnerId ?? account,
            ["tagSet"] = "",
            ["trafficMirrorTargetId"] = t.Id,
            ["type"] = t.Type,
        });

    public static AuditRecord Filter(AuditRecord call, string account, string region, string? userAgent, AwsMirrorFilter f) => Render(call, account, region, userAgent, "filter",
        new JsonObject { ["Description"] = f.Description },
        "trafficMirrorFilter",
        new JsonObject
        {
            ["description"] = f.Description,
            ["egressFilterRuleSet"] = "",
            ["ingressFilterRuleSet"] = "",
            ["networkServiceSet"] = "",
            ["tagSet"] = "",
            ["trafficMirrorFilterId"] = f.Id,
        });

    public static AuditRecord Rule(AuditRecord call, string account, string region, string? userAgent, string filterId, AwsFilterRule r) => Render(call, account, region, userAgent, "filter-rule",
        new JsonObject
        {
            ["Description"] = r.Description,
            ["DestinationCidrBlock"] = r.DestinationCidrBlock,
            ["Protocol"] = r.Protocol,
            ["RuleAction"] = r.Action,
            ["RuleNumber"] = r.RuleNumber,
            ["SourceCidrBlock"] = r.SourceCidrBlock,
            ["TrafficDirection"] = r.Direction,
            ["TrafficMirrorFilterId"] = filterId,
        },
        "trafficMirrorFilterRule",
        new JsonObject
        {
            ["description"] = r.Description,
            ["destinationCidrBlock"] = r.DestinationCidrBlock,
            ["protocol"] = r.Protocol,
            ["ruleAction"] = r.Action,
            ["ruleNumber"] = r.RuleNumber,
            ["sourceCidrBlock"] = r.SourceCidrBlock,
            ["trafficDirection"] = r.Direction,
            ["trafficMirrorFilterId"] = filterId,
            ["trafficMirrorFilterRuleId"] = r.Id,
        });

    public static AuditRecord Session(AuditRecord call, string account, string region, string? userAgent, AwsMirrorSession s) => Render(call, account, region, userAgent, "session",
        new JsonObject
        {
            ["Description"] = s.Description,
            ["NetworkInterfaceId"] = s.NetworkInterfaceId,
            ["PacketLength"] = s.PacketLength,
            ["SessionNumber"] = s.SessionNumber,
            ["TrafficMirrorFilterId"] = s.FilterId,
            ["TrafficMirrorTargetId"] = s.TargetId,
            ["VirtualNetworkId"] = s.VirtualNetworkId,
        },
        "trafficMirrorSession",
        new JsonObject
        {
            ["description"] = s.Description,
            ["networkInterfaceId"] = s.NetworkInterfaceId,
            ["ownerId"] = s.OwnerId ?? account,
            ["packetLength"] = s.PacketLength,
            ["sessionNumber"] = s.SessionNumber,
            ["tagSet"] = "",
            ["trafficMirrorFilterId"] = s.FilterId,
            ["trafficMirrorSessionId"] = s.Id,
            ["trafficMirrorTargetId"] = s.TargetId,
            ["virtualNetworkId"] = s.VirtualNetworkId?.ToString(CultureInfo.InvariantCulture),
        });

    /// <summary>Renders the record as the emulator does for every CloudTrail event, then fills in the call's request and response.</summary>
    private static AuditRecord Render(AuditRecord call, string account, string region, string? userAgent, string command, JsonObject request, string kind, JsonObject created)
    {
        var eventId = call.Id ?? throw new ArgumentException("a played call needs its event id", nameof(call));
        var record = JsonNode.Parse(CloudTrailRecords.Render(call, account, region, eventId))!.AsObject();
        var clientToken = Guid.NewGuid().ToString();
        var requestId = record["requestID"]!.GetValue<string>();
        request["ClientToken"] = clientToken;
        record["requestParameters"] = new JsonObject { [call.Name + "Request"] = Compact(request) };
        record["responseElements"] = new JsonObject
        {
            [call.Name + "Response"] = new JsonObject
            {
                ["clientToken"] = clientToken,
                ["requestId"] = requestId,
                [kind] = Compact(created),
                ["xmlns"] = Xmlns,
            },
        };
        record["userAgent"] = userAgent ?? CliAgent + "create-traffic-mirror-" + command;
        record["tlsDetails"] = new JsonObject
        {
            ["tlsVersion"] = "TLSv1.3",
            ["cipherSuite"] = "TLS_AES_128_GCM_SHA256",
            ["clientProvidedHostHeader"] = $"ec2.{region}.amazonaws.com",
        };
        return call with { Raw = record.ToJsonString() };
    }

    /// <summary>EC2 leaves unset parameters out of the record rather than writing nulls.</summary>
    private static JsonObject Compact(JsonObject values)
    {
        foreach (var name in values.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            values.Remove(name);
        }

        return values;
    }
}
