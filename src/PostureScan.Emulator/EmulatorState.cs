using PostureScan.Emulator.Arm;
using PostureScan.Emulator.Aws;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator;

/// <summary>What the protocol handlers of one host share: the world, its indexes, counters and clock.</summary>
internal sealed class EmulatorState
{
    public EmulatorState(World world, EmulatorOptions options)
    {
        World = world;
        Options = options;
        Time = options.TimeProvider;
        AwsIndex = new AwsWorldIndex(world.Aws);
        AwsCredentials = new AwsCredentialStore(world.Aws, Time);
        Faults = new FaultInjector(Time);
        ArmIndex = new ArmWorldIndex(world.Azure) { ActivityLogs = new ActivityLog.ActivityLogIndex(world, Counters) };
        ArmTokens = new ArmTokenStore(Time);
    }

    public World World { get; }

    public EmulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public EmulatorCounters Counters { get; } = new();

    public AwsWorldIndex AwsIndex { get; }

    public AwsCredentialStore AwsCredentials { get; }

    public FaultInjector Faults { get; }

    public ArmWorldIndex ArmIndex { get; }

    public ArmTokenStore ArmTokens { get; }
}
