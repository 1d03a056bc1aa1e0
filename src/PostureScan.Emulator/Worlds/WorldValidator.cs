using System.Text.RegularExpressions;

namespace PostureScan.Emulator.Worlds;

/// <summary>Checks what YAML cannot: required values, ranges, enumerations, unique ids and text XML cannot carry.</summary>
internal sealed partial class WorldValidator(string sourceName, NodeLocations locations)
{
    private static readonly string[] Directions = ["ingress", "egress"];
    private static readonly string[] RuleActions = ["accept", "reject"];
    private static readonly string[] NetworkServices = ["amazon-dns"];
    private static readonly string[] Schemes = ["internet-facing", "internal"];
    private static readonly string[] ServerErrors = ["InternalError", "Unavailable"];

    public void Validate(World world)
    {
        ValidateAudit(world);
        var aws = world.Aws;
        var accounts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var account in aws.Accounts)
        {
            Require(account, AccountId().IsMatch(account.Id), $"account id '{account.Id}' must be twelve digits");
            Require(account, accounts.Add(account.Id), $"account '{account.Id}' is listed twice");
            ValidateAccount(account);
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var credential in aws.Credentials)
        {
            Require(credential, credential.AccessKeyId.Length > 0, "a credential needs an accessKeyId");
            Require(credential, keys.Add(credential.AccessKeyId), $"access key '{credential.AccessKeyId}' is listed twice");
            Require(credential, accounts.Contains(credential.Account), $"credential '{credential.AccessKeyId}' names account '{credential.Account}', which is not in aws.accounts");
        }

        ValidateAzure(world.Azure);
        ValidateGcp(world.Gcp);
        ValidateXmlText(world);
    }

    private void ValidateAccount(AwsAccount account)
    {
        Unique(account.Roles, r => r.Name, "role");
        foreach (var role in account.Roles)
        {
            Require(role, role.Name.Length > 0, "a role needs a name");
        }

        ValidateFaults(account.Faults);
        Unique(account.Regions, r => r.Name, "region");
        foreach (var region in account.Regions)
        {
            Require(region, region.Name.Length > 0, "a region needs a name");
            OneOf(region, "optInStatus", region.OptInStatus, AwsOptInStatus.All);
            ValidateFaults(region.Faults);
            ValidateRegion(region);
        }
    }

    private void ValidateFaults(Faults? faults)
    {
        if (faults is null)
        {
            return;
        }

        Require(faults, faults.LatencyMs is >= 0 and <= 600_000, "latencyMs must be between 0 and 600000");
        Require(faults, faults.ThrottleRate is >= 0 and <= 1, "throttleRate must be between 0 and 1");
        Require(faults, faults.ThrottleBurst >= 0, "throttleBurst must not be negative");
        Require(faults, faults.RetryAfterSeconds is >= 0 and <= 3600, "retryAfterSeconds must be between 0 and 3600");
        if (faults.Unavailable is not null)
        {
            OneOf(faults, "unavailable", faults.Unavailable, ServerErrors);
        }
    }

    private void ValidateRegion(AwsRegion region)
    {
        Unique(region.Targets, t => t.Id, "target");
        foreach (var target in region.Targets)
        {
            Require(target, target.Id.Length > 0, "a target needs an id");
            OneOf(target, "type", target.Type, AwsTargetType.All);
            var destination = target.Type switch
            {
                AwsTargetType.NetworkInterface => target.NetworkInterfaceId,
                AwsTargetType.NetworkLoadBalancer => target.NetworkLoadBalancerArn,
                _ => target.GatewayLoadBalancerEndpointId,
            };
            Require(target, !string.IsNullOrEmpty(destination), $"target '{target.Id}' of type {target.Type} needs its destination id");
            if (target.Scheme is not null)
            {
                OneOf(target, "scheme", target.Scheme, Schemes);
            }
        }

        Unique(region.Filters, f => f.Id, "filter");
        foreach (var filter in region.Filters)
        {
            Require(filter, filter.Id.Length > 0, "a filter needs an id");
            foreach (var service in filter.NetworkServices)
            {
                OneOf(filter, "networkServices", service, NetworkServices);
            }

            foreach (var rule in filter.Rules)
            {
                ValidateRule(rule);
            }
        }

        Unique(region.Sessions, s => s.Id, "session");
        foreach (var session in region.Sessions)
        {
            Require(session, session.Id.Length > 0, "a session needs an id");
            Require(session, session.TargetId.Length > 0 && session.FilterId.Length > 0 && session.NetworkInterfaceId.Length > 0,
                $"session '{session.Id}' needs targetId, filterId and networkInterfaceId");
            Require(session, session.SessionNumber is >= 1 and <= 32766, "sessionNumber must be between 1 and 32766");
            Require(session, session.PacketLength is null or > 0, "packetLength must be positive");
            Require(session, session.VirtualNetworkId is null or >= 0 and <= 16_777_215, "virtualNetworkId must be a 24-bit number");
        }

        Unique(region.NetworkInterfaces, n => n.Id, "network interface");
        foreach (var eni in region.NetworkInterfaces)
        {
            Require(eni, eni.Id.Length > 0, "a network interface needs an id");
        }
    }

    private void ValidateRule(AwsFilterRule rule)
    {
        OneOf(rule, "direction", rule.Direction, Directions);
        OneOf(rule, "action", rule.Action, RuleActions);
        Require(rule, rule.RuleNumber is >= 1 and <= 32766, "ruleNumber must be between 1 and 32766");
        Require(rule, rule.Protocol is null or >= 0 and <= 255, "protocol must be an IANA protocol number (0-255)");
        foreach (var range in new[] { rule.SourcePortRange, rule.DestinationPortRange })
        {
            if (range is not null)
            {
                Require(range, range.FromPort is >= 0 and <= 65535 && range.ToPort is >= 0 and <= 65535 && range.FromPort <= range.ToPort,
                    "a port range needs 0 <= fromPort <= toPort <= 65535");
            }
        }
    }

    private void Unique<T>(IReadOnlyList<T> items, Func<T, string> key, string what)
        where T : class
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            Require(item, seen.Add(key(item)), $"{what} '{key(item)}' is listed twice");
        }
    }

    private void OneOf(object node, string key, string value, IReadOnlyList<string> allowed) =>
        Require(node, allowed.Contains(value), $"{key} '{value}' is not one of: {string.Join(", ", allowed)}");

    private void Require(object node, bool condition, string message)
    {
        if (!condition)
        {
            var (line, column) = locations.Of(node);
            throw new WorldFormatException(sourceName, line, column, message);
        }
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountId();
}
