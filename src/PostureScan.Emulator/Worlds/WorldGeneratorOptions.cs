namespace PostureScan.Emulator.Worlds;

/// <summary>The shape of a generated world: how many accounts, regions and sessions, and the seed.</summary>
public sealed record WorldGeneratorOptions
{
    public int Accounts { get; init; } = 3;

    /// <summary>At most <see cref="WorldGenerator.RegionNames"/>.Count.</summary>
    public int RegionsPerAccount { get; init; } = 4;

    public int SessionsPerRegion { get; init; } = 5;

    public int Seed { get; init; } = 1;

    /// <summary>Share (0 to 1) of sessions whose target is an internet-facing load balancer in an account outside the world.</summary>
    public double ForeignTargetShare { get; init; } = 0.1;

    /// <summary>External id the generated PostureScanReader roles require; null for none.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Faults for every generated account; null for none.</summary>
    public Faults? Faults { get; init; }
}
