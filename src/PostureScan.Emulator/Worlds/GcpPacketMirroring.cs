namespace PostureScan.Emulator.Worlds;

/// <summary>
/// A packet mirroring policy. References are names in the same project and region ("subnet-web",
/// "us-central1-a/vm-1" for an instance) or paths ("projects/other/regions/us-central1/forwardingRules/fr").
/// </summary>
public sealed record GcpPacketMirroring
{
    public string Name { get; init; } = "";

    /// <summary>The numeric id; derived from the path when absent.</summary>
    public string? Id { get; init; }

    public string? Description { get; init; }

    /// <summary>The VPC network: a name in this project or a "projects/P/global/networks/N" path.</summary>
    public string Network { get; init; } = "";

    /// <summary>0 to 65535; lower runs first.</summary>
    public int Priority { get; init; } = 1000;

    /// <summary>Served as the string "TRUE" or "FALSE".</summary>
    public bool Enable { get; init; } = true;

    /// <summary>The collector's forwarding rule: a name in this region or a path, possibly in another project.</summary>
    public string CollectorIlb { get; init; } = "";

    public GcpMirroredResources MirroredResources { get; init; } = new();

    /// <summary>Null: no filter object is served (Compute's defaults: everything, both directions).</summary>
    public GcpMirrorFilter? Filter { get; init; }
}
