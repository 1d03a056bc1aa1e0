namespace PostureScan.Core.Inventory;

/// <summary>
/// The destination of mirrored packets. <paramref name="ResourceId"/> is the provider's id of the
/// receiving resource (ENI id, load balancer ARN, frontend IP configuration id, forwarding rule link,
/// interface name); <paramref name="Address"/> and <paramref name="DnsName"/> are what it resolves to
/// where known. <paramref name="OwnerAccount"/> is the account, subscription or project that owns it.
/// </summary>
public sealed record MirrorTarget(
    string Id,
    TargetKind Kind,
    string? ResourceId,
    string? Address,
    string? DnsName,
    string? OwnerAccount,
    bool? InternetFacing,
    string? Description,
    IReadOnlyDictionary<string, string> Tags,
    string? RawJson = null,
    string? Instance = null,
    int? Port = null);
