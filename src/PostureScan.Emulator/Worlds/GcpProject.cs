namespace PostureScan.Emulator.Worlds;

/// <summary>One GCP project and the Compute regions it has.</summary>
public sealed record GcpProject
{
    /// <summary>The project id (6 to 30 lower-case letters, digits and hyphens).</summary>
    public string Id { get; init; } = "";

    /// <summary>The project number; derived from the id when absent.</summary>
    public string? Number { get; init; }

    public string? Name { get; init; }

    /// <summary>ACTIVE (default) or DELETE_REQUESTED, as Resource Manager lists it.</summary>
    public string LifecycleState { get; init; } = "ACTIVE";

    /// <summary>Faults for every call in the project (the aggregated list) and for regions without their own.</summary>
    public Faults? Faults { get; init; }

    /// <summary>The regions Compute reports for the project; the aggregated list names each of them.</summary>
    public IReadOnlyList<GcpRegion> Regions { get; init; } = [];
}
