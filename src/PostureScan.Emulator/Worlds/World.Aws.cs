namespace PostureScan.Emulator.Worlds;

public sealed partial record World
{
    /// <summary>The AWS section: credentials and accounts with their regions and resources.</summary>
    public AwsWorld Aws { get; init; } = new();
}
