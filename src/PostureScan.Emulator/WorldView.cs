using PostureScan.Emulator.ActivityLog;
using PostureScan.Emulator.Arm;
using PostureScan.Emulator.Aws;
using PostureScan.Emulator.CloudTrail;
using PostureScan.Emulator.Gcp;
using PostureScan.Emulator.Logging;
using PostureScan.Emulator.S3;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator;

/// <summary>
/// One world with every index the protocol handlers read, built together so a request never sees the
/// indexes of two different worlds. A simulated change builds a new view and swaps it in whole.
/// </summary>
internal sealed class WorldView
{
    public WorldView(World world, TimeProvider time, EmulatorCounters counters)
    {
        World = world;
        Aws = new AwsWorldIndex(world.Aws);
        Arm = new ArmWorldIndex(world.Azure) { ActivityLogs = new ActivityLogIndex(world, time, counters) };
        CloudTrail = new CloudTrailIndex(world.Audit);
        TrailArchive = new TrailArchive(world.Audit, CloudTrail);
        Gcp = new GcpIndex(world.Gcp);
        CloudLogging = new ProjectLogIndex(world.Audit);
    }

    public World World { get; }

    public AwsWorldIndex Aws { get; }

    public ArmWorldIndex Arm { get; }

    public CloudTrailIndex CloudTrail { get; }

    public TrailArchive TrailArchive { get; }

    public GcpIndex Gcp { get; }

    public ProjectLogIndex CloudLogging { get; }
}
