namespace PostureScan.Gcp.Wire;

/// <summary>compute#instance, the fields that identify a mirrored VM: its interfaces, labels and network tags.</summary>
internal sealed record Instance(
    string? SelfLink,
    string? Name,
    List<InstanceNetworkInterface>? NetworkInterfaces,
    Dictionary<string, string>? Labels,
    InstanceTags? Tags = null);
