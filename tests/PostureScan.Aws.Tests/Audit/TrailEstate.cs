using PostureScan.Core.Audit;
using PostureScan.Core.Inventory;
using PostureScan.Emulator.Worlds;
using static PostureScan.Aws.Tests.AwsEstate;

namespace PostureScan.Aws.Tests.Audit;

/// <summary>Worlds with CloudTrail histories, and the requests and collectors the audit source tests share.</summary>
internal static class TrailEstate
{
    public const string Prod = "222222222222";
    public static readonly DateTimeOffset Until = new(2026, 11, 20, 18, 0, 0, TimeSpan.Zero);

    private static readonly string[] MirrorNames =
    [
        "CreateTrafficMirrorTarget", "CreateTrafficMirrorFilter", "CreateTrafficMirrorSession",
        "ModifyTrafficMirrorSession", "DescribeTrafficMirrorSessions", "DeleteTrafficMirrorSession",
    ];

    /// <summary><paramref name="mirror"/> mirror calls and <paramref name="noise"/> other EC2 calls, one every <paramref name="step"/> back from <paramref name="newest"/>.</summary>
    public static IReadOnlyList<AuditRecord> Events(string account, int mirror, int noise, DateTimeOffset newest, TimeSpan step, string tag = "x")
    {
        var events = new List<AuditRecord>();
        for (var i = 0; i < mirror + noise; i++)
        {
            var isMirror = i % (mirror + noise) < mirror;
            var name = isMirror ? MirrorNames[i % MirrorNames.Length] : (i % 2 == 0 ? "RunInstances" : "DescribeInstances");
            events.Add(new AuditRecord
            {
                Time = newest - (step * i),
                Name = name,
                Actor = $"arn:aws:iam::{account}:user/admin-{tag}{i}",
                SourceIp = $"198.51.100.{(i % 250) + 1}",
                ResourceId = isMirror ? $"tms-{tag}{i:x16}" : null,
            });
        }

        return events;
    }

    public static World WithTrails(World world, IReadOnlyList<CloudTrailLog> logs, IReadOnlyList<TrailBucket>? buckets = null) =>
        world with { Audit = new AuditWorld { CloudTrail = logs, TrailBuckets = buckets ?? [] } };

    public static CloudTrailLog Log(string account, string region, IReadOnlyList<AuditRecord> events, Faults? faults = null) =>
        new() { Account = account, Region = region, Events = events, Faults = faults };

    public static AuditReadRequest Request(DateTimeOffset notBefore, params Scope[] scopes) =>
        new([], notBefore, Until, scopes);

    public static Scope ScopeOf(string account, string region) => new(Providers.Aws, account, region);

    public static World TwoAccounts(params string[] regions) =>
        World(Account(BaseAccount, [.. regions.Select(r => Region(r, 0))]), Account(Prod, [.. regions.Select(r => Region(r, 0))]));

    /// <summary>Collects events from concurrent scopes (the source passes them one at a time, so a list is enough).</summary>
    public sealed class Collected
    {
        public List<AuditEvent> Events { get; } = [];

        public void Add(AuditEvent e) => Events.Add(e);
    }
}
