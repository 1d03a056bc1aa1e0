using System.Text.RegularExpressions;

namespace PostureScan.Core.Policy;

/// <summary>
/// One spelling per device interface, so a policy's <c>Gi1/0/48</c> meets a config's
/// <c>GigabitEthernet1/0/48</c>: the type word, abbreviated or not, maps to its full name (a data table),
/// compared without case; the number part is kept as written.
/// </summary>
public static partial class InterfaceNames
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gi"] = "gigabitethernet",
        ["gig"] = "gigabitethernet",
        ["te"] = "tengigabitethernet",
        ["ten"] = "tengigabitethernet",
        ["fa"] = "fastethernet",
        ["e"] = "ethernet",
        ["eth"] = "ethernet",
        ["po"] = "port-channel",
        ["portchannel"] = "port-channel",
        ["tw"] = "twogigabitethernet",
        ["twe"] = "twentyfivegige",
        ["fi"] = "fivegigabitethernet",
        ["fo"] = "fortygigabitethernet",
        ["hu"] = "hundredgige",
        ["vl"] = "vlan",
        ["lo"] = "loopback",
    };

    /// <summary>The canonical name, or null when <paramref name="name"/> is not an interface name (a type word, then a number).</summary>
    public static string? Canonical(string? name)
    {
        var match = name is null || name.Length > 64 ? Match.Empty : Shape().Match(name.Trim());
        if (!match.Success)
        {
            return null;
        }

        var type = match.Groups["type"].Value;
        return (Types.TryGetValue(type, out var full) ? full : type.ToLowerInvariant()) + match.Groups["number"].Value.ToLowerInvariant();
    }

    [GeneratedRegex(@"^(?<type>[A-Za-z][A-Za-z-]{0,40}?)\s*(?<number>\d[0-9/.:]{0,20})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
