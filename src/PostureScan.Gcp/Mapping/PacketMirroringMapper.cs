using System.Text.Json;
using PostureScan.Core.Inventory;
using PostureScan.Gcp.Compute;
using PostureScan.Gcp.Wire;

namespace PostureScan.Gcp.Mapping;

/// <summary>A packet mirroring policy, with the resources it names, as one <see cref="MirrorSession"/>.</summary>
internal static class PacketMirroringMapper
{
    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();

    public static MirrorSession ToSession(Scope scope, JsonElement raw, PacketMirroring policy, ResolvedResources resolved)
    {
        var id = Limits.Text(policy.SelfLink, Limits.Url)
            ?? $"projects/{scope.Account}/regions/{scope.Region}/packetMirrorings/{Limits.Text(policy.Name, Limits.Name) ?? policy.Id}";
        var direction = FilterMapping.Direction(policy.Filter);
        var target = TargetMapping.ToTarget(policy.CollectorIlb, resolved);
        return new MirrorSession(
            Id: id,
            Scope: scope,
            Name: Limits.Text(policy.Name, Limits.Name),
            Description: Limits.Prose(policy.Description),
            Sources: SourceMapping.ToSources(policy, direction, resolved),
            TargetId: target?.ResourceId,
            Target: target,
            // Compute has no separate filter object: the filter lives inside the policy.
            FilterId: null,
            Filter: FilterMapping.ToFilter(id + "#filter", policy.Filter),
            Direction: direction,
            PacketLength: null,
            // "enable" is the string "TRUE" or "FALSE"; absent means the default, enabled.
            Enabled: !string.Equals(policy.Enable, "FALSE", StringComparison.OrdinalIgnoreCase),
            Priority: policy.Priority is >= 0 and <= int.MaxValue ? (int)policy.Priority.Value : null,
            VirtualNetworkId: null,
            OwnerAccount: scope.Account,
            Tags: NoTags,
            RawJson: raw.GetRawText());
    }
}
