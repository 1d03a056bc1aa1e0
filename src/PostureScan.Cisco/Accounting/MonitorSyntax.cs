using System.Globalization;

namespace PostureScan.Cisco.Accounting;

/// <summary>
/// The syntax of the monitor-session commands, as data, for reading commands as a user may type them:
/// IOS accepts any unambiguous prefix of a keyword (<see cref="IosKeywords"/>), so <c>mon ses 1 sou int
/// gi1/0/1</c> is <c>monitor session 1 source interface gi1/0/1</c>. The competing keywords at each
/// position are listed beside the ones we look for: at global level <c>mo</c> is ambiguous (monitor,
/// module, mop, more) and <c>mon</c> is monitor; <c>s</c> after <c>monitor</c> is session; in an ERSPAN
/// sub-mode <c>des</c> is ambiguous (description, destination) and <c>sh</c> is shutdown.
/// </summary>
internal static class MonitorSyntax
{
    /// <summary>Global configuration words that share a prefix with "monitor" (IOS, IOS-XE, NX-OS).</summary>
    public static IReadOnlyCollection<string> GlobalWords { get; } = ["monitor", "module", "mop", "more"];

    /// <summary>What may follow "monitor".</summary>
    public static IReadOnlyCollection<string> MonitorWords { get; } = ["session", "capture", "event-trace", "erspan"];

    /// <summary>What may stand for the session number: several sessions at once (<c>no monitor session all</c>).</summary>
    public static IReadOnlyCollection<string> SessionGroups { get; } = ["all", "local", "range", "remote"];

    public static IReadOnlyCollection<string> Directions { get; } = ["rx", "tx", "both"];

    private static readonly KeywordNode AccessGroup = KeywordNode.Of("access-group");

    private static readonly KeywordNode Source = KeywordNode.Must(("interface", null), ("vlan", null), ("remote", KeywordNode.Must("vlan")), ("cpu", null));
    private static readonly KeywordNode Destination = KeywordNode.Must(("interface", null), ("remote", KeywordNode.Must("vlan")), ("ip", null), ("format", null));
    private static readonly KeywordNode Filter = KeywordNode.Must(("vlan", null), ("ip", AccessGroup), ("ipv6", AccessGroup), ("mac", AccessGroup), ("packet-type", null));

    /// <summary>What follows <c>monitor session N</c> at global level (IOS: destination, filter, source, type).</summary>
    public static KeywordNode SessionArguments { get; } = KeywordNode.Must(
        ("source", Source), ("destination", Destination), ("filter", Filter), ("type", KeywordNode.Must("erspan-source", "erspan-destination", "local")));

    private static readonly KeywordNode IpOptions = KeywordNode.Must("address", "dscp", "ttl", "prec");
    private static readonly KeywordNode Origin = KeywordNode.Must(("ip", KeywordNode.Must("address")), ("ipv6", KeywordNode.Must("address")));

    /// <summary>
    /// The commands of a session's sub-mode (IOS-XE ERSPAN, NX-OS monitor session). A bare <c>destination</c>
    /// opens the ERSPAN destination sub-mode; NX-OS writes <c>destination interface ...</c>.
    /// </summary>
    public static KeywordNode SessionMode { get; } = KeywordNode.Must(
        ("description", null), ("destination", Optional(Destination)), ("filter", Optional(Filter)), ("shutdown", null), ("source", Optional(Source)),
        ("erspan-id", null), ("vrf", null), ("mtu", null), ("header-type", null), ("plim", null), ("rate-limit", null),
        ("encapsulation", null), ("ip", IpOptions), ("ipv6", KeywordNode.Must("address")), ("origin", Origin), ("exit", null));

    /// <summary>The commands of the ERSPAN <c>destination</c> sub-mode under a session.</summary>
    public static KeywordNode DestinationMode { get; } = KeywordNode.Must(
        ("ip", IpOptions), ("ipv6", KeywordNode.Must("address")), ("erspan-id", null), ("origin", Origin), ("vrf", null), ("mtu", null), ("exit", null));

    /// <summary>
    /// Reads <c>[no] monitor session N|all|local|range|remote ...</c> in any abbreviation. On success the keywords
    /// of <paramref name="words"/> are written out; <paramref name="session"/> is null for several sessions at
    /// once, and <paramref name="rest"/> is the index of the first word after the number.
    /// </summary>
    public static bool TryGlobal(string[] words, out bool negated, out int? session, out int rest)
    {
        negated = words.Length > 0 && words[0].Equals("no", StringComparison.OrdinalIgnoreCase);
        var i = negated ? 1 : 0;
        session = null;
        rest = i + 3;
        if (words.Length < i + 3
            || IosKeywords.Resolve(words[i], GlobalWords) != "monitor"
            || IosKeywords.Resolve(words[i + 1], MonitorWords) != "session")
        {
            return false;
        }

        if (int.TryParse(words[i + 2], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 99_999)
        {
            session = n;
        }
        else if (IosKeywords.Resolve(words[i + 2], SessionGroups) is { } group)
        {
            words[i + 2] = group;
        }
        else
        {
            return false;
        }

        if (negated)
        {
            words[0] = "no";
        }

        words[i] = "monitor";
        words[i + 1] = "session";
        SessionArguments.Expand(words, rest);
        ExpandDirection(words, rest);
        return true;
    }

    /// <summary>The direction that may end a <c>source</c> command (<c>b</c> is both).</summary>
    public static void ExpandDirection(string[] words, int start)
    {
        if (start < words.Length - 1 && words[start] == "source" && IosKeywords.Resolve(words[^1], Directions) is { } direction)
        {
            words[^1] = direction;
        }
    }

    private static KeywordNode Optional(KeywordNode node) => new(node.Next);

    /// <summary>The session number of a <c>[no] monitor session N ...</c> command in any abbreviation; null otherwise.</summary>
    public static int? SessionNumber(string? command)
    {
        if (command is null)
        {
            return null;
        }

        return TryGlobal(Words(command), out _, out var session, out _) ? session : null;
    }

    public static string[] Words(string command) => command.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
