using System.Globalization;
using PostureScan.Emulator.Aws;

namespace PostureScan.Emulator.Worlds;

/// <summary>
/// Builds large worlds for scale tests and benchmarks: N accounts by M regions with K sessions
/// each, every region with a sanctioned internal NLB target, a capture-all and a narrow filter,
/// and the source interfaces. The same options always give the same world.
/// </summary>
public static class WorldGenerator
{
    /// <summary>The role every generated account trusts the scanner to assume.</summary>
    public const string ReaderRole = "PostureScanReader";

    /// <summary>The account that owns the foreign (unsanctioned) targets; it is not in the world.</summary>
    public const string ForeignAccount = "999988887777";

    /// <summary>Region names used in order.</summary>
    public static IReadOnlyList<string> RegionNames { get; } =
    [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1",
        "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "ap-south-1", "ap-south-2", "ap-northeast-1",
        "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
        "ap-east-1", "ca-central-1", "ca-west-1", "sa-east-1", "me-south-1", "me-central-1", "af-south-1", "il-central-1",
    ];

    /// <summary>The twelve-digit id of the i-th generated account (0-based).</summary>
    public static string AccountId(int index) => (200_000_000_000L + index).ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>The access key of the i-th generated account's scanner user; its secret is "secret-" + index.</summary>
    public static string AccessKeyId(int index) => string.Create(CultureInfo.InvariantCulture, $"AKIAGEN{index:D13}");

    public static World Generate(WorldGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Accounts);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Accounts, 1_000_000);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.RegionsPerAccount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.RegionsPerAccount, RegionNames.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(options.SessionsPerRegion);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.SessionsPerRegion, 32_766);

        var accounts = Enumerable.Range(0, options.Accounts).Select(i => Account(options, i)).ToList();
        var credentials = Enumerable.Range(0, options.Accounts).Select(i => new AwsCredential
        {
            AccessKeyId = AccessKeyId(i),
            SecretAccessKey = string.Create(CultureInfo.InvariantCulture, $"secret-{i}"),
            Account = AccountId(i),
        }).ToList();
        return new World { Aws = new AwsWorld { Credentials = credentials, Accounts = accounts } };
    }

    private static AwsAccount Account(WorldGeneratorOptions options, int index)
    {
        var id = AccountId(index);
        return new AwsAccount
        {
            Id = id,
            Name = string.Create(CultureInfo.InvariantCulture, $"generated-{index}"),
            Roles = [new AwsRole { Name = ReaderRole, ExternalId = options.ExternalId }],
            Faults = options.Faults,
            Regions = RegionNames.Take(options.RegionsPerAccount).Select(r => Region(options, id, r)).ToList(),
        };
    }

    private static AwsRegion Region(WorldGeneratorOptions options, string account, string region)
    {
        var ids = new IdSource(options.Seed, $"{account}/{region}");
        var vpc = ids.Next("vpc");
        var nlbArn = $"arn:aws:elasticloadbalancing:{region}:{account}:loadbalancer/net/ndr-sensors/{ids.Hex(16)}";
        var sanctioned = new AwsMirrorTarget
        {
            Id = ids.Next("tmt"),
            Type = AwsTargetType.NetworkLoadBalancer,
            NetworkLoadBalancerArn = nlbArn,
            Scheme = "internal",
            VpcId = vpc,
            Description = "NDR sensor fleet",
            Tags = new Dictionary<string, string> { ["Name"] = "ndr-sensors" },
        };
        var foreign = new AwsMirrorTarget
        {
            Id = ids.Next("tmt"),
            Type = AwsTargetType.NetworkLoadBalancer,
            NetworkLoadBalancerArn = $"arn:aws:elasticloadbalancing:{region}:{ForeignAccount}:loadbalancer/net/collector/{ids.Hex(16)}",
            OwnerId = ForeignAccount,
            Scheme = "internet-facing",
        };
        var captureAll = new AwsMirrorFilter
        {
            Id = ids.Next("tmf"),
            Description = "all traffic",
            Rules =
            [
                new AwsFilterRule { Id = ids.Next("tmfr"), Direction = "ingress", RuleNumber = 100 },
                new AwsFilterRule { Id = ids.Next("tmfr"), Direction = "egress", RuleNumber = 100 },
            ],
        };
        var narrow = new AwsMirrorFilter
        {
            Id = ids.Next("tmf"),
            Description = "HTTPS only",
            Rules =
            [
                new AwsFilterRule
                {
                    Id = ids.Next("tmfr"), Direction = "ingress", RuleNumber = 100, Protocol = 6,
                    DestinationPortRange = new AwsPortRange { FromPort = 443, ToPort = 443 },
                },
            ],
        };

        var sources = new List<AwsNetworkInterface>();
        var sessions = new List<AwsMirrorSession>();
        for (var n = 1; n <= options.SessionsPerRegion; n++)
        {
            var eni = new AwsNetworkInterface
            {
                Id = ids.Next("eni"),
                PrivateIpAddress = string.Create(CultureInfo.InvariantCulture, $"10.{n / 65536 % 256}.{n / 256 % 256}.{n % 256}"),
                SubnetId = ids.Next("subnet"),
                VpcId = vpc,
                InstanceId = ids.Next("i"),
            };
            var isForeign = ids.Unit() < options.ForeignTargetShare;
            sources.Add(eni);
            sessions.Add(new AwsMirrorSession
            {
                Id = ids.Next("tms"),
                TargetId = isForeign ? foreign.Id : sanctioned.Id,
                FilterId = n % 2 == 0 ? narrow.Id : captureAll.Id,
                NetworkInterfaceId = eni.Id,
                SessionNumber = n,
                VirtualNetworkId = n,
                Tags = new Dictionary<string, string> { ["Name"] = string.Create(CultureInfo.InvariantCulture, $"mirror-{n}") },
            });
        }

        return new AwsRegion
        {
            Name = region,
            Targets = [sanctioned, foreign],
            Filters = [captureAll, narrow],
            Sessions = sessions,
            NetworkInterfaces = sources,
        };
    }

    /// <summary>Ids like AWS's (prefix and 17 hex digits), a pure function of seed, scope and position.</summary>
    private sealed class IdSource(int seed, string scope)
    {
        private long _counter;

        public string Next(string prefix) => $"{prefix}-{Hex(17)}";

        public string Hex(int length)
        {
            var value = DeterministicRandom.Unit(seed, scope, ++_counter);
            var bits = (ulong)(value * (1UL << 53)) ^ DeterministicRandom.Mix((ulong)_counter);
            return bits.ToString("x16", CultureInfo.InvariantCulture).PadLeft(length, '0')[^length..];
        }

        public double Unit() => DeterministicRandom.Unit(seed, scope + "/foreign", ++_counter);
    }
}
