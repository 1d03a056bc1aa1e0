using System.Globalization;

namespace PostureScan.Cisco.Parsing;

/// <summary>
/// Reads the <c>interface NAME</c> stanzas of a running-config (IOS, IOS-XE, NX-OS): the name as the
/// config spells it, <c>description</c>, <c>switchport access vlan N</c> (VLAN 1 for an access port that
/// names none), <c>switchport mode trunk</c>, <c>no switchport</c>, <c>shutdown</c> and
/// <c>channel-group N</c>. The state is read as written: a port is shut down only when its stanza says so.
/// </summary>
internal static class InterfaceStanzaParser
{
    /// <summary>More interfaces than any chassis has; beyond it the rest of the file is not read as ports.</summary>
    public const int MaxPorts = 20_000;

    public static IReadOnlyList<ConfiguredPort> Parse(IEnumerable<SourceLine> lines)
    {
        var ports = new List<ConfiguredPort>();
        Stanza? open = null;
        foreach (var line in lines)
        {
            if (line.TooLong || line.Text.Length == 0 || line.Text == "!")
            {
                continue;
            }

            if (line.Indent > 0)
            {
                open?.Read(Words(line.Text));
                continue;
            }

            if (open is not null)
            {
                ports.Add(open.ToPort());
                open = null;
            }

            var words = Words(line.Text);
            if (words.Length == 2 && words[0].Equals("interface", StringComparison.OrdinalIgnoreCase) && ports.Count < MaxPorts)
            {
                open = new Stanza(Printable.Bound(words[1], 64));
            }
        }

        if (open is not null && ports.Count < MaxPorts)
        {
            ports.Add(open.ToPort());
        }

        return ports;
    }

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private sealed class Stanza(string name)
    {
        private string? description;
        private int? accessVlan;
        private bool access, trunk, routed, shutdown;
        private int? channelGroup;

        public void Read(string[] words)
        {
            if (words.Length == 0)
            {
                return;
            }

            var text = string.Join(' ', words);
            if (Is(words, "description") && words.Length > 1)
            {
                description = Printable.Bound(text["description".Length..].Trim(), 240);
            }
            else if (Is(words, "shutdown") && words.Length == 1)
            {
                shutdown = true;
            }
            else if (Is(words, "no", "shutdown"))
            {
                shutdown = false;
            }
            else if (Is(words, "no", "switchport") && words.Length == 2)
            {
                routed = true;
            }
            else if (Is(words, "switchport", "mode", "access"))
            {
                access = true;
            }
            else if (Is(words, "switchport", "mode", "trunk"))
            {
                trunk = true;
            }
            else if (Is(words, "switchport", "access", "vlan") && words.Length == 4 && Number(words[3]) is { } vlan and >= 1 and <= 4094)
            {
                accessVlan = vlan;
            }
            else if (Is(words, "channel-group") && words.Length >= 2 && Number(words[1]) is { } group)
            {
                channelGroup = group;
            }
        }

        public ConfiguredPort ToPort()
        {
            // An access port without "switchport access vlan" sits in VLAN 1, the default.
            int? vlan = routed || trunk ? null : accessVlan ?? (access ? 1 : null);
            return new ConfiguredPort(name, description, vlan, shutdown, channelGroup);
        }

        private static bool Is(string[] words, params string[] leading) =>
            words.Length >= leading.Length && leading.Select((w, i) => words[i].Equals(w, StringComparison.OrdinalIgnoreCase)).All(x => x);

        private static int? Number(string text) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
