using PostureScan.Core.Inventory;

namespace PostureScan.Cisco.Tests;

/// <summary>
/// One line per session, as a person would list it:
/// <c>id | type | enabled | sources -> destination | erspan-id N | filter ... | "description"</c>.
/// </summary>
internal static class SessionText
{
    public static IReadOnlyList<string> Render(IEnumerable<MirrorSession> sessions) => [.. sessions.Select(Render)];

    public static string Render(MirrorSession s)
    {
        var text = $"{s.Id} | {s.Tags["type"]} | {(s.Enabled ? "enabled" : "disabled")} | "
            + $"{string.Join(' ', s.Sources.Select(Source))} -> {Target(s.Target)}";
        if (s.VirtualNetworkId is { } erspanId)
        {
            text += $" | erspan-id {erspanId}";
        }

        if (s.Filter is { } filter)
        {
            text += $" | filter {filter.Description}";
        }

        if (s.Description is { } description)
        {
            text += $" | \"{description}\"";
        }

        return text;
    }

    private static string Source(MirroredSource source)
    {
        var direction = source.Direction switch
        {
            TrafficDirection.Ingress => "rx",
            TrafficDirection.Egress => "tx",
            _ => "both",
        };
        var kind = source.Tags.ContainsKey("remote-span") ? "rspan-vlan" : source.Kind;
        var at = source.Addresses.Count > 0 ? $"@{string.Join(',', source.Addresses)}" : string.Empty;
        return $"{kind}:{source.Id}{at}:{direction}";
    }

    private static string Target(MirrorTarget? target) => target switch
    {
        null => "none",
        { Kind: TargetKind.SwitchPort } => $"port {target.ResourceId}",
        { Kind: TargetKind.RemoteVlan } => $"rspan-vlan {target.ResourceId}",
        { Kind: TargetKind.ErspanAddress } => $"erspan {target.Address}",
        _ => $"{target.Kind} {target.Id}",
    };
}
