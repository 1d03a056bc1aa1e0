using PostureScan.Core.Findings;
using PostureScan.Emulator.Simulation;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Validation;

/// <summary>
/// Test 3, GCP packet mirroring policy: with a leaked service-account key, an adversary mirrors the whole
/// payments subnet, unfiltered, to a collector in a project outside the organisation.
/// </summary>
internal sealed class GcpScenario : IAdversaryScenario
{
    public const string GcpDetectConfig = "detect-gcp.json";
    private const string Project = "demo-shop-prod";
    private const string Mirroring = "https://www.googleapis.com/compute/v1/projects/demo-shop-prod/regions/europe-west1/packetMirrorings/pm-exfil";
    private static readonly SimulatedCaller Adversary = new("svc-backup@demo-shop-prod.iam.gserviceaccount.com", "203.0.113.78");

    public string Name => "gcp";

    public PlayedScenario Play(ValidationEstate estate)
    {
        var insert = estate.Emulator.Simulation.InsertPacketMirroring(Project, "europe-west1", Adversary, new GcpPacketMirroring
        {
            Name = "pm-exfil",
            Description = "latency debugging",
            Network = "vpc-prod",
            Priority = 900,
            CollectorIlb = "projects/attacker-lab-4471/regions/europe-west1/forwardingRules/fr-sink",
            MirroredResources = new GcpMirroredResources { Subnetworks = ["subnet-payments"] },
        });
        estate.Clock.Advance(TimeSpan.FromSeconds(6));

        return new PlayedScenario(
            Name,
            "GCP packet mirroring policy",
            Adversary,
            [insert],
            Mirroring,
            [],
            [
                new ExpectedFinding("destination-in-foreign-account", Mirroring, Severity.Critical),
                new ExpectedFinding("unapproved-destination", Mirroring, Severity.High),
                new ExpectedFinding("created-by-unapproved-principal", Mirroring, Severity.High),
                new ExpectedFinding("created-from-unapproved-network", Mirroring, Severity.High),
                new ExpectedFinding("accept-all-filter", Mirroring, Severity.Medium),
            ],
            // Cloud Logging's endpoint is a setting of the source itself: a second configuration file names it for detect.
            [new DetectInput("Cloud Logging", ["--source", "gcp-logging", "--project", Project, "--config", Path.Combine(estate.Folder, GcpDetectConfig)])],
            ["https://www.googleapis.com/compute/v1/projects/demo-shop-prod/regions/europe-west1/packetMirrorings/pm-ndr-web"],
            []);
    }
}
