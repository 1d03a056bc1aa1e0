using PostureScan.Core.Findings;
using PostureScan.Emulator.Simulation;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Validation;

/// <summary>
/// Test 1, AWS traffic mirror session creation: with a stolen access key, from outside the company's networks,
/// an adversary points a mirror of the cardholder database's interface at an instance of their own with a public
/// address, copying every packet both ways. Also played: the NDR team's disaster-recovery exercise, which the
/// policy excepts until its expiry.
/// </summary>
internal sealed class AwsScenario : IAdversaryScenario
{
    private const string Prod = "222222222222";
    private const string Region = "us-east-1";
    private const string DrRegion = "us-west-2";
    private const string Session = "tms-0a77ac4e00000bad1";
    private const string Target = "tmt-0a77ac4e00000bad1";
    private const string Filter = "tmf-0a77ac4e00000bad1";
    private const string DrSession = "tms-0drex00000000001";

    private static readonly SimulatedCaller Adversary = new("arn:aws:iam::222222222222:user/svc-backup", "203.0.113.66");
    private static readonly SimulatedCaller NdrTeam = new("arn:aws:sts::222222222222:assumed-role/ndr-automation/dr-exercise", "10.10.8.15");

    public string Name => "aws";

    public PlayedScenario Play(ValidationEstate estate)
    {
        var sim = estate.Emulator.Simulation;
        var calls = new List<PlayedCall>();
        void Step(Func<PlayedCall> call)
        {
            calls.Add(call());
            estate.Clock.Advance(TimeSpan.FromSeconds(7));
        }

        Step(() => sim.CreateTrafficMirrorTarget(Prod, Region, Adversary, new AwsMirrorTarget
        {
            Id = Target,
            Type = AwsTargetType.NetworkInterface,
            NetworkInterfaceId = "eni-0a77ac4e000000001",
            Description = "build cache",
        }));
        Step(() => sim.CreateTrafficMirrorFilter(Prod, Region, Adversary, new AwsMirrorFilter { Id = Filter, Description = "all traffic" }));
        Step(() => sim.CreateTrafficMirrorFilterRule(Prod, Region, Adversary, Filter,
            new AwsFilterRule { Id = "tmfr-0a77ac4e0000in001", Direction = "ingress", RuleNumber = 100, Action = "accept" }));
        Step(() => sim.CreateTrafficMirrorFilterRule(Prod, Region, Adversary, Filter,
            new AwsFilterRule { Id = "tmfr-0a77ac4e000out001", Direction = "egress", RuleNumber = 100, Action = "accept" }));
        Step(() => sim.CreateTrafficMirrorSession(Prod, Region, Adversary, new AwsMirrorSession
        {
            Id = Session,
            TargetId = Target,
            FilterId = Filter,
            NetworkInterfaceId = "eni-0db0000000000001",
            SessionNumber = 1,
            VirtualNetworkId = 7777,
            Description = "perf test",
        }));
        PlayDrExercise(sim);

        var lookup = new[] { "--account", Prod, "--region", Region };
        return new PlayedScenario(
            Name,
            "AWS traffic mirror session creation",
            Adversary,
            calls,
            Session,
            [Target, Filter],
            [
                new ExpectedFinding("destination-internet-facing", Session, Severity.Critical),
                new ExpectedFinding("unapproved-destination", Session, Severity.High),
                new ExpectedFinding("created-by-unapproved-principal", Session, Severity.High),
                new ExpectedFinding("created-from-unapproved-network", Session, Severity.High),
                new ExpectedFinding("full-packet-capture-of-sensitive-source", Session, Severity.High),
                new ExpectedFinding("accept-all-filter", Session, Severity.Medium),
            ],
            [
                new DetectInput("CloudTrail LookupEvents", ["--source", "aws-lookup", .. lookup]),
                new DetectInput("CloudTrail S3 archive", ["--source", "aws-s3", "--bucket", ValidationEstate.Bucket, .. lookup]),
            ],
            ["tms-0ndrweb0000000001", "tms-0stg000000000001"],
            [DrSession]);
    }

    /// <summary>The NDR team copies a DR web server to the DR region's sensors, which are not (yet) a sanctioned collector.</summary>
    private static void PlayDrExercise(WorldSimulation sim)
    {
        sim.CreateTrafficMirrorTarget(Prod, DrRegion, NdrTeam, new AwsMirrorTarget
        {
            Id = "tmt-0drsensor0000001",
            Type = AwsTargetType.NetworkLoadBalancer,
            NetworkLoadBalancerArn = "arn:aws:elasticloadbalancing:us-west-2:222222222222:loadbalancer/net/ndr-dr-sensors/0d1e2f3a4b5c6d7e",
            Scheme = "internal",
            Description = "DR sensors (exercise)",
        });
        sim.CreateTrafficMirrorFilter(Prod, DrRegion, NdrTeam, new AwsMirrorFilter { Id = "tmf-0drex00000000001", Description = "web tcp" });
        sim.CreateTrafficMirrorFilterRule(Prod, DrRegion, NdrTeam, "tmf-0drex00000000001",
            new AwsFilterRule { Id = "tmfr-0drex0000000in01", Direction = "ingress", RuleNumber = 100, Action = "accept", Protocol = 6 });
        sim.CreateTrafficMirrorSession(Prod, DrRegion, NdrTeam, new AwsMirrorSession
        {
            Id = DrSession,
            TargetId = "tmt-0drsensor0000001",
            FilterId = "tmf-0drex00000000001",
            NetworkInterfaceId = "eni-0drweb00000000001",
            SessionNumber = 1,
            Description = "DR exercise",
        });
    }
}
