namespace PostureScan.Emulator.Worlds;

/// <summary>An inclusive port range of a filter rule.</summary>
public sealed record AwsPortRange
{
    public int FromPort { get; init; }

    public int ToPort { get; init; }
}
