using PostureScan.Emulator.Arm;
using PostureScan.Emulator.Aws;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator;

/// <summary>What the protocol handlers of one host share: the world, its indexes, counters and clock.</summary>
internal sealed class EmulatorState
{
    private readonly Lock _changing = new();
    private volatile WorldView _view;

    public EmulatorState(World world, EmulatorOptions options)
    {
        Options = options;
        Time = options.TimeProvider;
        _view = new WorldView(world, Time, Counters);
        AwsCredentials = new AwsCredentialStore(world.Aws, Time);
        Faults = new FaultInjector(Time);
        ArmTokens = new ArmTokenStore(Time);
    }

    /// <summary>The world and its indexes as of now; read it once per request.</summary>
    public WorldView View => _view;

    public World World => _view.World;

    public EmulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public EmulatorCounters Counters { get; } = new();

    public AwsWorldIndex AwsIndex => _view.Aws;

    public AwsCredentialStore AwsCredentials { get; }

    public FaultInjector Faults { get; }

    public ArmWorldIndex ArmIndex => _view.Arm;

    public ArmTokenStore ArmTokens { get; }

    /// <summary>
    /// Replaces the world with <paramref name="change"/>'s result, validated, and rebuilds the indexes.
    /// Only the simulation calls this: the cloud APIs the emulator serves stay read-only.
    /// </summary>
    /// <exception cref="WorldFormatException">The changed world is not valid.</exception>
    public World Change(Func<World, World> change)
    {
        lock (_changing)
        {
            var world = change(_view.World);
            WorldReader.Validate(world);
            _view = new WorldView(world, Time, Counters);
            return world;
        }
    }
}
