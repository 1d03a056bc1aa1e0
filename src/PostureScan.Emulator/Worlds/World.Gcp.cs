namespace PostureScan.Emulator.Worlds;

public sealed partial record World
{
    /// <summary>The GCP section: service accounts and projects with their regions and resources.</summary>
    public GcpWorld Gcp { get; init; } = new();
}
