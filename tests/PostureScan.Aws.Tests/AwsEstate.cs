using PostureScan.Emulator.Worlds;

namespace PostureScan.Aws.Tests;

/// <summary>Builds emulator worlds for the AWS collector tests: a base account and role accounts.</summary>
internal static class AwsEstate
{
    public const string BaseKey = "AKIATESTBASE00000001";
    public const string BaseAccount = "111111111111";
    public const string Role = "PostureScanReadOnly";
    public const string ExternalId = "ext-123";

    public static AwsOptions Options(Uri endpoint, IEnumerable<string> accounts, params string[] regions) => new()
    {
        ServiceUrl = endpoint.ToString(),
        AccessKeyId = BaseKey,
        SecretAccessKey = "not-checked",
        Regions = [.. regions],
        MaxRetries = 10,
        Accounts = [.. accounts.Select(a => a == BaseAccount
            ? new AwsAccountOptions { Id = a }
            : new AwsAccountOptions { Id = a, RoleArn = $"arn:aws:iam::{a}:role/{Role}", ExternalId = ExternalId })],
    };

    public static World World(params AwsAccount[] accounts) => new()
    {
        Aws = new AwsWorld
        {
            Credentials = [new AwsCredential { AccessKeyId = BaseKey, SecretAccessKey = "not-checked", Account = BaseAccount }],
            Accounts = [.. accounts],
        },
    };

    public static AwsAccount Account(string id, params AwsRegion[] regions) => new()
    {
        Id = id,
        Roles = id == BaseAccount ? [] : [new AwsRole { Name = Role, ExternalId = ExternalId }],
        Regions = [.. regions],
    };

    /// <summary>A region with <paramref name="sessions"/> sessions, each with its own ENI target and an accept-all filter.</summary>
    public static AwsRegion Region(string name, int sessions, string prefix = "a", Faults? faults = null) => new()
    {
        Name = name,
        Faults = faults,
        Targets = [.. Enumerable.Range(0, sessions).Select(i => new AwsMirrorTarget
        {
            Id = $"tmt-{prefix}{i:x15}",
            Type = "network-interface",
            NetworkInterfaceId = $"eni-t{prefix}{i:x14}",
        })],
        Filters = [.. Enumerable.Range(0, sessions).Select(i => new AwsMirrorFilter
        {
            Id = $"tmf-{prefix}{i:x15}",
            Rules =
            [
                new AwsFilterRule { Direction = "ingress", RuleNumber = 100, Action = "accept" },
                new AwsFilterRule { Direction = "egress", RuleNumber = 100, Action = "accept" },
            ],
        })],
        Sessions = [.. Enumerable.Range(0, sessions).Select(i => new AwsMirrorSession
        {
            Id = $"tms-{prefix}{i:x15}",
            TargetId = $"tmt-{prefix}{i:x15}",
            FilterId = $"tmf-{prefix}{i:x15}",
            NetworkInterfaceId = $"eni-s{prefix}{i:x14}",
            SessionNumber = 1,
            VirtualNetworkId = 100 + i,
            Description = $"session {i} in {name}",
        })],
        NetworkInterfaces = [.. Enumerable.Range(0, sessions).Select(i => new AwsNetworkInterface
        {
            Id = $"eni-s{prefix}{i:x14}",
            PrivateIpAddress = $"10.0.{i / 250}.{(i % 250) + 1}",
            InstanceId = $"i-{prefix}{i:x16}",
            VpcId = "vpc-0000000000000001",
        })],
    };
}
