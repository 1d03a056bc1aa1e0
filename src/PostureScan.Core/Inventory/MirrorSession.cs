namespace PostureScan.Core.Inventory;

/// <summary>
/// One mirror, normalised across providers: what is mirrored (<see cref="Sources"/>), where the
/// packets go (<see cref="Target"/>), which traffic (<see cref="Direction"/>, <see cref="Filter"/>,
/// <see cref="PacketLength"/>), whether it is on, and the provider's own JSON for export.
/// </summary>
/// <param name="Id">The provider's id: AWS session id, Azure virtual network TAP id, GCP self link, device/session.</param>
/// <param name="TargetId">The destination's provider id, kept even when the target itself could not be described.</param>
/// <param name="FilterId">The filter's provider id, if the provider has separate filter objects.</param>
/// <param name="PacketLength">Bytes copied of each packet; null means the whole packet.</param>
/// <param name="Priority">AWS session number, GCP priority or Cisco session number.</param>
/// <param name="VirtualNetworkId">The VXLAN id (AWS) or ERSPAN id (Cisco) of the copied packets.</param>
public sealed record MirrorSession(
    string Id,
    Scope Scope,
    string? Name,
    string? Description,
    IReadOnlyList<MirroredSource> Sources,
    string? TargetId,
    MirrorTarget? Target,
    string? FilterId,
    MirrorFilter? Filter,
    TrafficDirection Direction,
    int? PacketLength,
    bool Enabled,
    int? Priority,
    long? VirtualNetworkId,
    string? OwnerAccount,
    IReadOnlyDictionary<string, string> Tags,
    string? RawJson = null)
{
    /// <summary>True when the filter copies everything, or the provider applies no filter at all.</summary>
    public bool AcceptsEverything => Filter?.AcceptsEverything ?? FilterId is null;

    /// <summary>True when the destination is owned by an account other than the session's.</summary>
    public bool TargetInForeignAccount =>
        Target?.OwnerAccount is { } owner && !string.Equals(owner, Scope.Account, StringComparison.OrdinalIgnoreCase);
}
