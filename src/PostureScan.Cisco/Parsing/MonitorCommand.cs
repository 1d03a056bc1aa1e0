using PostureScan.Core.Inventory;

namespace PostureScan.Cisco.Parsing;

/// <summary>
/// Applies one monitor-session command to a draft. The same words appear after
/// <c>monitor session N</c> on one line (classic IOS) and inside the sub-modes (IOS-XE ERSPAN, NX-OS),
/// so one interpreter serves both. Returns null when understood, else why not.
/// </summary>
internal static class MonitorCommand
{
    public const int MaxDescription = 240;

    /// <summary>Settings that change how packets are carried, not which or where: known, kept out of the record.</summary>
    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase)
    {
        "header-type", "erspan-version", "rate-limit", "marker-packet", "timestamp", "plim",
    };

    public static string? Apply(SessionDraft draft, string[] words)
    {
        if (words.Length == 0)
        {
            return "empty command";
        }

        return words[0].ToLowerInvariant() switch
        {
            "description" => Describe(draft, words),
            "source" => Source(draft, words),
            "destination" => Destination(draft, words),
            "filter" => Filter(draft, words),
            "shutdown" or "shut" when words.Length == 1 => SetEnabled(draft, false),
            "no" when words.Length == 2 && Is(words[1], "shutdown", "shut") => SetEnabled(draft, true),
            "erspan-id" => Number(words, 1, 0, uint.MaxValue, v => draft.ErspanId = v),
            "mtu" => Number(words, 1, 1, ushort.MaxValue, v => draft.Mtu = (int)v),
            "vrf" when words.Length == 2 => Set(() => draft.Vrf = Printable.Bound(words[1], 64)),
            "ip" or "ipv6" => IpSetting(draft, words),
            "origin" when words.Length == 4 && Is(words[1], "ip", "ipv6") && Is(words[2], "address") =>
                Address(words[3], a => draft.OriginAddress = a),
            var word when Ignored.Contains(word) => null,
            _ => "unknown monitor command",
        };
    }

    private static string? Describe(SessionDraft draft, string[] words)
    {
        draft.Description = Printable.Bound(string.Join(' ', words.Skip(1)), MaxDescription);
        return null;
    }

    private static string? Source(SessionDraft draft, string[] words)
    {
        if (words.Length >= 3 && Is(words[1], "interface"))
        {
            var (list, direction) = SplitDirection(words[2..]);
            return InterfaceList.TryParse(list, out var names)
                ? Add(draft, names.Select(n => new DraftSource(DraftSource.Interface, n, direction)))
                : "bad interface list";
        }

        if (words.Length >= 3 && Is(words[1], "vlan"))
        {
            var (list, direction) = SplitDirection(words[2..]);
            return VlanList.TryParse(list, out var vlans)
                ? Add(draft, vlans.Select(v => new DraftSource(DraftSource.Vlan, $"{v}", direction)))
                : "bad VLAN list";
        }

        if (words.Length == 4 && Is(words[1], "remote") && Is(words[2], "vlan"))
        {
            return Vlan(words[3], v => draft.AddSources([new DraftSource(DraftSource.Vlan, $"{v}", Directions.Default, Remote: true)]));
        }

        if (words.Length == 3 && Is(words[1], "ip"))
        {
            return Address(words[2], a => draft.ErspanAddress = a);
        }

        if (words.Length >= 2 && Is(words[1], "cpu"))
        {
            return Add(draft, [new DraftSource(DraftSource.Interface, "cpu", Directions.Default)]);
        }

        return "unknown source";
    }

    private static string? Destination(SessionDraft draft, string[] words)
    {
        if (words.Length >= 3 && Is(words[1], "interface"))
        {
            // Options after the list (encapsulation replicate, ingress vlan N) shape the copies, not their destination.
            var end = Array.FindIndex(words, 2, w => Is(w, "encapsulation", "ingress"));
            var list = string.Join(' ', words[2..(end < 0 ? words.Length : end)]);
            if (!InterfaceList.TryParse(list, out var names))
            {
                return "bad interface list";
            }

            draft.AddDestinations(names);
            return null;
        }

        if (words.Length >= 4 && Is(words[1], "remote") && Is(words[2], "vlan"))
        {
            return Vlan(words[3], v => draft.DestinationVlan = v);
        }

        if (words.Length == 3 && Is(words[1], "ip"))
        {
            return Address(words[2], a => draft.ErspanAddress = a);
        }

        return "unknown destination";
    }

    private static string? Filter(SessionDraft draft, string[] words)
    {
        if (words.Length >= 3 && Is(words[1], "vlan"))
        {
            if (!VlanList.TryParse(string.Join(' ', words[2..]), out var vlans))
            {
                return "bad VLAN list";
            }

            draft.FilterVlans.Add(VlanList.Format(vlans));
            return null;
        }

        if (words.Length == 4 && Is(words[1], "ip", "ipv6", "mac") && Is(words[2], "access-group"))
        {
            return AddGroup(draft, words[1].ToLowerInvariant(), words[3]);
        }

        if (words.Length == 3 && Is(words[1], "access-group"))
        {
            return AddGroup(draft, "acl", words[2]);
        }

        if (words.Length >= 3 && Is(words[1], "sgt"))
        {
            return AddGroup(draft, "sgt", string.Join(' ', words[2..]));
        }

        return "unknown filter";
    }

    private static string? IpSetting(SessionDraft draft, string[] words)
    {
        if (words.Length == 3 && Is(words[1], "address"))
        {
            return Address(words[2], a => draft.ErspanAddress = a);
        }

        // ip ttl / ip dscp / ip prec: header fields of the carrier packets.
        return words.Length == 3 && Is(words[1], "ttl", "dscp", "prec") && uint.TryParse(words[2], out _)
            ? null
            : "unknown ip setting";
    }

    private static (string List, TrafficDirection Direction) SplitDirection(string[] words)
    {
        if (words.Length > 1 && Directions.ByWord.TryGetValue(words[^1], out var direction))
        {
            return (string.Join(' ', words[..^1]), direction);
        }

        return (string.Join(' ', words), Directions.Default);
    }

    private static string? Add(SessionDraft draft, IEnumerable<DraftSource> sources) =>
        draft.AddSources(sources) ? null : "too many sources";

    private static string? AddGroup(SessionDraft draft, string family, string name)
    {
        draft.AddAccessGroup(family, name);
        return null;
    }

    private static string? Vlan(string text, Action<int> set)
    {
        if (!FieldValues.TryVlan(text, out var vlan))
        {
            return "bad VLAN";
        }

        set(vlan);
        return null;
    }

    private static string? Address(string text, Action<string> set)
    {
        if (!FieldValues.TryAddress(text, out var address))
        {
            return "bad IP address";
        }

        set(address);
        return null;
    }

    private static string? Number(string[] words, int index, long min, long max, Action<long> set)
    {
        if (words.Length != index + 1 || !FieldValues.TryNumber(words[index], min, max, out var value))
        {
            return "bad number";
        }

        set(value);
        return null;
    }

    private static string? SetEnabled(SessionDraft draft, bool enabled)
    {
        draft.AdminEnabled = enabled;
        return null;
    }

    private static string? Set(Action set)
    {
        set();
        return null;
    }

    private static bool Is(string word, params string[] options) =>
        options.Any(o => string.Equals(word, o, StringComparison.OrdinalIgnoreCase));
}
