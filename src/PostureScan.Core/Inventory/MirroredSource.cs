namespace PostureScan.Core.Inventory;

/// <summary>
/// What a mirror copies packets from. <paramref name="Kind"/> names the provider's resource type
/// ("network-interface", "subnetwork", "instance", "network-tag", "interface", "vlan");
/// <paramref name="Addresses"/> holds its IPs or CIDRs where the collector resolved them.
/// <paramref name="AttachmentId"/> is the provider object that attaches the source to the mirror, where
/// that is an object of its own (an Azure NIC tap configuration).
/// </summary>
public sealed record MirroredSource(
    string Kind,
    string Id,
    string? Name,
    string? Instance,
    string? Network,
    IReadOnlyList<string> Addresses,
    TrafficDirection Direction,
    IReadOnlyDictionary<string, string> Tags,
    string? AttachmentId = null);
