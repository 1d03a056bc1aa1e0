namespace PostureScan.Gcp.Wire;

/// <summary>A project as Resource Manager v1 lists it.</summary>
internal sealed record ProjectInfo(string? ProjectId, string? LifecycleState);
