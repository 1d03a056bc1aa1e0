using PostureScan.Cisco.Parsing;
using PostureScan.Core.Inventory;

namespace PostureScan.Cisco.Mapping;

/// <summary>Turns a parsed session into the project's <see cref="MirrorSession"/> for one device.</summary>
internal static class MirrorSessionFactory
{
    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();

    public static MirrorSession Create(SessionDraft draft, string device, DeviceFormat format)
    {
        var scope = new Scope(Providers.Cisco, device, Scope.Global);
        var id = draft.Occurrence == 1 ? $"{device}/session/{draft.Number}" : $"{device}/session/{draft.Number}#{draft.Occurrence}";
        var kind = draft.ResolvedKind;
        var target = MirrorTargetFactory.Create(draft, kind, device);
        var filter = MirrorFilterFactory.Create(draft, id);
        var input = format == DeviceFormat.RunningConfig ? "running-config" : "show-monitor";
        var sources = Sources(draft, kind);
        return new MirrorSession(
            id,
            scope,
            $"session {draft.Number}",
            draft.Description,
            [.. sources.Select(ToSource)],
            target?.Id,
            target,
            filter?.Id,
            filter,
            Direction(sources),
            PacketLength: null,
            draft.Enabled,
            draft.Number,
            kind is SessionKind.ErspanSource or SessionKind.ErspanDestination ? draft.ErspanId : null,
            device,
            Tags(draft, kind, input),
            SessionRawJson.Write(draft, device, input));
    }

    /// <summary>An ERSPAN destination session copies the ERSPAN flow that arrives at its address.</summary>
    private static List<DraftSource> Sources(SessionDraft draft, SessionKind kind)
    {
        if (kind != SessionKind.ErspanDestination || draft.Sources.Count > 0)
        {
            return draft.Sources;
        }

        var id = draft.ErspanId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown";
        return [new DraftSource(DraftSource.Erspan, id, Directions.Default, Address: draft.ErspanAddress)];
    }

    private static MirroredSource ToSource(DraftSource source)
    {
        var tags = source.Remote ? new Dictionary<string, string> { ["remote-span"] = "true" } : NoTags;
        IReadOnlyList<string> addresses = source.Address is null ? [] : [source.Address];
        return new MirroredSource(source.Kind, source.Id, source.Id, null, null, addresses, source.Direction, tags);
    }

    /// <summary>The session's direction: one direction if every source agrees, else both.</summary>
    private static TrafficDirection Direction(IReadOnlyList<DraftSource> sources)
    {
        var directions = sources.Select(s => s.Direction).Distinct().ToList();
        return directions.Count == 1 ? directions[0] : TrafficDirection.Both;
    }

    private static Dictionary<string, string> Tags(SessionDraft draft, SessionKind kind, string input)
    {
        var tags = new Dictionary<string, string>
        {
            ["type"] = SessionKinds.Names[kind],
            ["input"] = input,
        };
        AddIf(tags, "origin-ip", draft.OriginAddress);
        AddIf(tags, "vrf", draft.Vrf);
        AddIf(tags, "mtu", draft.Mtu?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return tags;
    }

    private static void AddIf(Dictionary<string, string> tags, string key, string? value)
    {
        if (value is not null)
        {
            tags[key] = value;
        }
    }
}
