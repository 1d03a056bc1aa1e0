using PostureScan.Emulator.Worlds;

namespace PostureScan.Gcp.Tests;

/// <summary>
/// Three projects: production workloads mirrored to a shared NDR collector in the security project
/// (and once to a foreign one), the security project itself (throttled), and a project that denies us.
/// </summary>
internal static class GcpEstate
{
    public const string ProdWeb = "prj-prod-web";
    public const string SecTooling = "prj-sec-tooling";
    public const string Denied = "prj-denied";
    public const string Foreign = "prj-foreign-ops";
    public const string SharedCollector = $"projects/{SecTooling}/regions/us-central1/forwardingRules/fr-ndr";
    public const string ForeignCollector = $"projects/{Foreign}/regions/us-central1/forwardingRules/fr-capture";

    public static IReadOnlyList<GcpProject> Projects() => [ProdWebProject(), SecToolingProject(), DeniedProject()];

    public static GcpProject ProdWebProject() => new()
    {
        Id = ProdWeb,
        Regions =
        [
            new GcpRegion
            {
                Name = "us-central1",
                Subnetworks =
                [
                    new GcpSubnetwork
                    {
                        Name = "subnet-web", Network = "vpc-prod", IpCidrRange = "10.10.0.0/20",
                        SecondaryIpRanges = [new GcpSecondaryRange { RangeName = "pods", IpCidrRange = "10.40.0.0/14" }],
                    },
                    new GcpSubnetwork { Name = "subnet-db", Network = "vpc-prod", IpCidrRange = "10.10.16.0/24" },
                ],
                Instances =
                [
                    new GcpInstance
                    {
                        Name = "vm-web-1", Zone = "us-central1-a", Network = "vpc-prod", Subnetwork = "subnet-web", NetworkIp = "10.10.0.11",
                        Labels = new Dictionary<string, string> { ["tier"] = "web" }, Tags = ["web"],
                    },
                    new GcpInstance
                    {
                        Name = "vm-db-1", Zone = "us-central1-b", Network = "vpc-prod", Subnetwork = "subnet-db", NetworkIp = "10.10.16.5",
                        Labels = new Dictionary<string, string> { ["data"] = "pci" },
                    },
                ],
                ForwardingRules = [new GcpForwardingRule { Name = "fr-local-collector", IpAddress = "10.10.255.10", Network = "vpc-prod" }],
                PacketMirrorings =
                [
                    Policy("pm-web-subnet", SharedCollector, subnets: ["subnet-web"], priority: 900,
                        filter: new GcpMirrorFilter { Direction = "INGRESS", CidrRanges = ["10.0.0.0/8"], IpProtocols = ["tcp", "udp"] }),
                    Policy("pm-db-instance", "fr-local-collector", instances: ["us-central1-b/vm-db-1"], enable: false,
                        filter: new GcpMirrorFilter { Direction = "EGRESS" }),
                    Policy("pm-tagged", "fr-local-collector", tags: ["web", "api"]),
                    Policy("pm-everything", ForeignCollector, subnets: ["subnet-web", "subnet-db"]),
                    Policy("pm-mixed", "fr-local-collector", subnets: ["subnet-db"], instances: ["vm-web-1"], tags: ["web"],
                        filter: new GcpMirrorFilter { CidrRanges = ["0.0.0.0/0"] }),
                    Policy("pm-missing-subnet", "fr-local-collector", subnets: ["subnet-gone"]),
                    Policy("pm-icmp", "fr-local-collector", instances: ["us-central1-a/vm-web-1"],
                        filter: new GcpMirrorFilter { IpProtocols = ["icmp", "47"] }),
                ],
            },
            new GcpRegion
            {
                Name = "europe-west1",
                Subnetworks = [new GcpSubnetwork { Name = "subnet-eu", Network = "vpc-prod", IpCidrRange = "10.20.0.0/20" }],
                ForwardingRules = [new GcpForwardingRule { Name = "fr-eu-collector", IpAddress = "10.20.255.10", Network = "vpc-prod" }],
                PacketMirrorings = [.. Enumerable.Range(1, 3).Select(i => Policy($"pm-eu-{i}", "fr-eu-collector", subnets: ["subnet-eu"]))],
            },
            new GcpRegion { Name = "asia-east1" },
            new GcpRegion
            {
                Name = "us-west1",
                Unreachable = true,
                PacketMirrorings = [Policy("pm-hidden", "fr-local-collector", tags: ["x"])],
            },
        ],
    };

    public static GcpProject SecToolingProject() => new()
    {
        Id = SecTooling,
        Name = "Security tooling",
        // The aggregated list is throttled twice; the region's own (empty) faults keep its GETs calm.
        Faults = new Faults { ThrottleBurst = 2 },
        Regions =
        [
            new GcpRegion
            {
                Name = "us-central1",
                Faults = new Faults(),
                Subnetworks = [new GcpSubnetwork { Name = "subnet-sensors", Network = "vpc-security", IpCidrRange = "10.200.0.0/24" }],
                ForwardingRules =
                [
                    new GcpForwardingRule
                    {
                        Name = "fr-ndr", IpAddress = "10.200.0.10", Network = "vpc-security", Description = "Corelight sensors",
                        Labels = new Dictionary<string, string> { ["owner"] = "secops" },
                    },
                ],
                PacketMirrorings = [Policy("pm-sensors-self", "fr-ndr", subnets: ["subnet-sensors"])],
            },
        ],
    };

    public static GcpProject DeniedProject() => new()
    {
        Id = Denied,
        Faults = new Faults { AccessDenied = true },
        Regions = [new GcpRegion { Name = "us-central1", PacketMirrorings = [Policy("pm-secret", "fr-x", tags: ["x"])] }],
    };

    public static GcpPacketMirroring Policy(
        string name,
        string collector,
        string[]? subnets = null,
        string[]? instances = null,
        string[]? tags = null,
        GcpMirrorFilter? filter = null,
        int priority = 1000,
        bool enable = true) => new()
        {
            Name = name,
            Description = $"policy {name}",
            Network = "vpc-prod",
            CollectorIlb = collector,
            Priority = priority,
            Enable = enable,
            Filter = filter,
            MirroredResources = new GcpMirroredResources { Subnetworks = subnets ?? [], Instances = instances ?? [], Tags = tags ?? [] },
        };
}
