namespace PostureScan.Azure.Audit;

/// <summary>
/// An audit source of type <c>azure-activity</c>: each subscription's Activity Log through Resource Manager.
/// Endpoint, credential and retries come from the "Azure" section.
/// </summary>
public sealed class ActivityLogSettings
{
    public string Name { get; set; } = ActivityLogSource.TypeName;

    public string Type { get; set; } = ActivityLogSource.TypeName;

    /// <summary>Narrows the listing on the server (<c>resourceProvider eq</c>); empty for every provider. Operations are matched here either way.</summary>
    public string? ResourceProvider { get; set; } = "Microsoft.Network";
}
