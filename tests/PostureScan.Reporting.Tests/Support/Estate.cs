using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.TestKit;

namespace PostureScan.Reporting.Tests.Support;

/// <summary>
/// A small estate over three nights with known differences. Night 3 against night 2: tms-01 re-filtered,
/// tms-02 retargeted (to an internet-facing load balancer), tms-03 disabled, tms-04 removed, tms-06 added
/// (hostile), and the scope of tms-05 failed, so tms-05 is neither removed nor compared.
/// </summary>
internal static class Estate
{
    public const string Account = "111122223333";
    public const string Other = "444455556666";
    public const string Foreign = "999988887777";
    public const string Run1 = "20261125T020000Z-000001";
    public const string Run2 = "20261126T020000Z-000002";
    public const string Run3 = "20261127T020000Z-000003";

    public static readonly DateTimeOffset Night1 = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Night2 = Night1.AddDays(1);
    public static readonly DateTimeOffset Night3 = Night1.AddDays(2);

    public static readonly Scope EuWest = new(Providers.Aws, Account, "eu-west-1");
    public static readonly Scope UsEast = new(Providers.Aws, Account, "us-east-1");
    public static readonly Scope OtherEu = new(Providers.Aws, Other, "eu-west-1");
    public static readonly Scope Switch = new(Providers.Cisco, "core-sw1", Scope.Global);

    public static IReadOnlyList<ScanRun> Runs() => [First(), Second(), Third()];

    public static ScanRun First() => Run(Run1, Night1, [Ok(EuWest), Ok(UsEast), Ok(OtherEu), Ok(Switch)], Baseline());

    public static ScanRun Second() => Run(Run2, Night2, [Ok(EuWest), Ok(UsEast), Ok(OtherEu), Ok(Switch)], Baseline());

    public static ScanRun Third()
    {
        var baseline = Baseline().ToDictionary(s => s.Id);
        return Run(Run3, Night3, [Ok(EuWest), Ok(UsEast), ScopeResult.Failed(OtherEu, ScopeErrorKind.AccessDenied, "not authorized to perform ec2:DescribeTrafficMirrorSessions", 1, TimeSpan.FromSeconds(1)), Ok(Switch)],
        [
            baseline["tms-01"] with { Filter = AllTraffic(), FilterId = AllTraffic().Id },
            baseline["tms-02"] with { Target = Public(), TargetId = Public().Id },
            baseline["tms-03"] with { Enabled = false },
            baseline["core-sw1/session/1"],
            HostileSession(),
        ]);
    }

    public static MirrorSession HostileSession() => Session("tms-06", UsEast, ForeignTarget(), AllTraffic(), "eni-06", Payloads.Formula, Payloads.Description)
        with { Tags = new Dictionary<string, string>(HostileTags(), StringComparer.Ordinal) };

    public static PolicyEvaluation FirstEvaluation() => new(Run1, "policies/sanctioned-ndr.example.yaml", Night1.AddMinutes(2),
        [Finding("unapproved-destination", "Mirror sends packets to an unapproved destination", Severity.High, FindingStatus.New, "tms-04", UsEast,
            "mirror tms-04 'debug capture' sends packets to network interface eni-0f0reign00000001 (10.77.0.5), which matches no sanctioned collector", Night1)],
        []);

    public static PolicyEvaluation ThirdEvaluation() => new(Run3, "policies/sanctioned-ndr.example.yaml", Night3.AddMinutes(2),
        [
            Finding("destination-internet-facing", "Mirror destination is reachable from the internet", Severity.Critical, FindingStatus.New, "tms-02", EuWest,
                "mirror tms-02 'web-2 to NDR' sends packets to network load balancer arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/metrics/0a1b2c3d4e5f6789 (203.0.113.40), which is internet-facing", Night3),
            Finding("destination-in-foreign-account", "Mirror destination is owned by an account outside the estate", Severity.Critical, FindingStatus.New, "tms-06", UsEast,
                $"mirror tms-06 '{Payloads.Formula}' sends packets to network interface eni-0f0reign00000001 owned by {Foreign}: {Payloads.Script}", Night3),
            Finding("unapproved-destination", "Mirror sends packets to an unapproved destination", Severity.High, FindingStatus.New, "tms-06", UsEast,
                $"mirror tms-06 sends packets to network interface eni-0f0reign00000001 (10.77.0.5), which matches no sanctioned collector {Payloads.OnError}", Night3),
            Finding("unapproved-destination", "Mirror sends packets to an unapproved destination", Severity.High, FindingStatus.Error, "tms-05", OtherEu,
                "mirror tms-05 sends packets to network load balancer ndr", Night1) with { Note = "not evaluated in this run: scope aws/444455556666/eu-west-1 failed: not authorized" },
            Finding("unapproved-destination", "Mirror sends packets to an unapproved destination", Severity.High, FindingStatus.Resolved, "tms-04", UsEast,
                "mirror tms-04 'debug capture' sends packets to network interface eni-0f0reign00000001 (10.77.0.5), which matches no sanctioned collector", Night1),
            Finding("unapproved-destination", "Mirror sends packets to an unapproved destination", Severity.High, FindingStatus.Open, "core-sw1/session/1", Switch,
                "mirror core-sw1/session/1 'session 1' sends packets to switch port Gi1/0/48, which matches no sanctioned collector", Night1),
            Finding("accept-all-filter", "Mirror copies all traffic", Severity.Medium, FindingStatus.New, "tmf-0all0000000000001", EuWest,
                "mirror tms-01 filter tmf-0all0000000000001 accepts every packet in both directions", Night3),
            Finding("accept-all-filter", "Mirror copies all traffic", Severity.Medium, FindingStatus.Suppressed, "tms-06", UsEast,
                "mirror tms-06 filter tmf-0all0000000000001 accepts every packet in both directions", Night3) with
            {
                Exception = new Core.Policy.Exemption(null, "tms-06", "accept-all-filter", "packet capture for incident 4711 | <b>approved</b>", "secops@example.com", new DateOnly(2026, 12, 31)),
            },
            Finding("collector-unhealthy", "A sanctioned mirror is not delivering", Severity.Low, FindingStatus.New, "tms-03", UsEast,
                "sanctioned mirror tms-03 'web-3 to NDR' is disabled", Night3),
        ],
        [new UnevaluatedCheck("coverage-gap", "candidate sources were not listed")]);

    /// <summary>
    /// Attributions by run: none for the first night; on the third, tms-02 was modified by someone else and a hostile
    /// actor's delete of it was denied, the hostile filter is attributed as a part, and the audit source of tms-03's region failed.
    /// </summary>
    public static IReadOnlyList<Core.Attribution.Attribution>? Attributions(string runId) => runId switch
    {
        Run2 => [Attributed("tms-02", "arn:aws:iam::111122223333:user/alice", "10.1.2.3", [])],
        Run3 =>
        [
            Attributed("tms-02", "arn:aws:iam::111122223333:user/alice", "10.1.2.3",
                [new(Night3.AddHours(-5), "ModifyTrafficMirrorSession", "modify", "success", "arn:aws:iam::111122223333:user/mallory", "198.51.100.7", "e-0002")])
            with
            {
                // A denied delete by a hostile actor: an attempt, kept apart from the changes.
                Refused = [new(Night3.AddHours(-4), "DeleteTrafficMirrorSession", "delete", "failure", Payloads.Actor, "198.51.100.8", "e-0003", ErrorCode: "Client.UnauthorizedOperation")],
            },
            Attributed("tms-06", Payloads.Actor, "203.0.113.9", []),
            new("tms-01", Core.Attribution.AttributionState.UnattributedBeyondRetention, null, null, null, null, [], [],
                "created before 2026-08-27, the oldest event read"),
            Attributed("tmf-0all0000000000001", Payloads.Actor, "203.0.113.9", []),
            new("tms-03", Core.Attribution.AttributionState.SourceUnavailable, null, null, null, null, [], [],
                "audit source trail failed for aws/111122223333/us-east-1: Rate exceeded"),
        ],
        _ => null,
    };

    private static Dictionary<string, string> HostileTags()
    {
        var tags = Hostile.Tags();
        tags["Name"] = Payloads.Formula;
        tags["owner"] = "@mallory " + Payloads.OnError;
        return tags;
    }

    private static Core.Attribution.Attribution Attributed(string id, string actor, string ip, IReadOnlyList<Core.Attribution.AttributedChange> changes) =>
        new(id, Core.Attribution.AttributionState.Attributed, actor, ip, Night1.AddDays(-10), "aws-cli/2.15.0 <b>ua</b>", ["e-0001"], changes, null);

    private static IReadOnlyList<MirrorSession> Baseline() =>
    [
        Session("tms-01", EuWest, Sanctioned(), WebFilter(), "eni-01", "ndr-web-1", "web-1 to NDR"),
        Session("tms-02", EuWest, Sanctioned(), WebFilter(), "eni-02", "ndr-web-2", "web-2 to NDR"),
        Session("tms-03", UsEast, Sanctioned(), WebFilter(), "eni-03", "ndr-web-3", "web-3 to NDR"),
        Session("tms-04", UsEast, ForeignTarget(), AllTraffic(), "eni-04", "debug", "debug capture"),
        Session("tms-05", OtherEu, Sanctioned(), WebFilter(), "eni-05", "ndr-api", "api to NDR"),
        new MirrorSession("core-sw1/session/1", Switch, "session 1", null,
            [new MirroredSource("interface", "Gi1/0/1", "Gi1/0/1", null, null, [], TrafficDirection.Both, new Dictionary<string, string>())],
            "Gi1/0/48", new MirrorTarget("Gi1/0/48", TargetKind.SwitchPort, "Gi1/0/48", null, null, "core-sw1", false, null, new Dictionary<string, string>()),
            null, null, TrafficDirection.Both, null, true, 1, null, "core-sw1", new Dictionary<string, string>()),
    ];

    private static MirrorSession Session(string id, Scope scope, MirrorTarget target, MirrorFilter filter, string eni, string name, string description) =>
        new(id, scope, name, description,
            [new MirroredSource("network-interface", eni, $"{name} source", $"i-{eni[4..]}", "vpc-0prod", ["10.0.1." + eni[4..]], TrafficDirection.Both, new Dictionary<string, string> { ["env"] = "prod" })],
            target.Id, target, filter.Id, filter, TrafficDirection.Both, null, true, 1, 4242, scope.Account,
            new Dictionary<string, string> { ["Name"] = name, ["owner"] = "secops" });

    private static MirrorTarget Sanctioned() => new("tmt-0ndr0000000000001", TargetKind.NetworkLoadBalancer,
        "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/ndr/0123456789abcdef", "10.0.9.10", null, Account, false, "NDR sensors", new Dictionary<string, string> { ["Name"] = "ndr" });

    private static MirrorTarget ForeignTarget() => new("tmt-0bad0000000000001", TargetKind.NetworkInterface, "eni-0f0reign00000001", "10.77.0.5", null, Foreign, false, "capture box", new Dictionary<string, string>());

    private static MirrorTarget Public() => new("tmt-0pub0000000000001", TargetKind.NetworkLoadBalancer,
        "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/metrics/0a1b2c3d4e5f6789", "203.0.113.40", null, Account, true, "metrics", new Dictionary<string, string>());

    private static MirrorFilter WebFilter() => new("tmf-0web0000000000001", "web tier, skip DNS",
        [
            new FilterRule("r1", TrafficDirection.Ingress, 10, false, 17, null, null, null, new PortRange(53, 53), null),
            new FilterRule("r2", TrafficDirection.Ingress, 100, true, null, null, null, null, null, null),
            new FilterRule("r3", TrafficDirection.Egress, 100, true, 6, null, null, null, null, null),
        ],
        ["amazon-dns"], new Dictionary<string, string>());

    private static MirrorFilter AllTraffic() => new("tmf-0all0000000000001", "everything",
        [
            new FilterRule("r4", TrafficDirection.Ingress, 1, true, null, null, null, null, null, null),
            new FilterRule("r5", TrafficDirection.Egress, 1, true, null, null, null, null, null, null),
        ],
        [], new Dictionary<string, string>());

    private static ScopeResult Ok(Scope scope) => ScopeResult.Ok(scope, 3, TimeSpan.FromSeconds(2));

    private static ScanRun Run(string id, DateTimeOffset start, IReadOnlyList<ScopeResult> scopes, IReadOnlyList<MirrorSession> sessions) =>
        new(id, start, start.AddSeconds(90), [.. scopes.Select(s => s.Scope.Provider).Distinct()], scopes, sessions);

    private static Finding Finding(string checkId, string title, Severity severity, FindingStatus status, string resource, Scope scope, string message, DateTimeOffset firstSeen) =>
        new(FindingId.For(checkId, resource), checkId, title, severity, status, resource, scope, message, firstSeen, Night3);
}
