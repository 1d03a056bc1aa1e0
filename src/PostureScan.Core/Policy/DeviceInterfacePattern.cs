using System.Text.RegularExpressions;

namespace PostureScan.Core.Policy;

/// <summary>
/// Device interfaces as a coverage rule selects them: <c>DEVICE/INTERFACE</c> where either half may hold
/// <c>*</c> wildcards (<c>access-*/Gi1/0/*</c>, <c>*/Ethernet1/*</c>, <c>core-sw1/*</c>). The interface's type
/// word may be abbreviated, as in <see cref="DeviceInterface"/>; it is compared in its canonical spelling.
/// </summary>
public sealed partial record DeviceInterfacePattern(TextPattern Device, TextPattern Interface)
{
    /// <summary>Reads the pattern; null when either half is missing or the interface half is no interface name or wildcard.</summary>
    public static DeviceInterfacePattern? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == text.Length - 1 || text[..slash].Trim().Length == 0)
        {
            return null;
        }

        var name = text[(slash + 1)..].Trim();
        if (name == "*")
        {
            return new DeviceInterfacePattern(new TextPattern(text[..slash].Trim()), new TextPattern("*"));
        }

        var match = Shape().Match(name);
        if (!match.Success)
        {
            return null;
        }

        // Canonicalise the type word as for a plain name: "Gi" and "GigabitEthernet" select the same ports.
        var type = match.Groups["type"].Value;
        var canonicalType = InterfaceNames.Canonical(type + "1") is { } probe ? probe[..^1] : type.ToLowerInvariant();
        return new DeviceInterfacePattern(new TextPattern(text[..slash].Trim()), new TextPattern(canonicalType + match.Groups["number"].Value));
    }

    public bool Matches(string device, string interfaceName) =>
        Device.Matches(device) && InterfaceNames.Canonical(interfaceName) is { } canonical && Interface.Matches(canonical);

    public override string ToString() => $"{Device}/{Interface}";

    [GeneratedRegex(@"^(?<type>[A-Za-z][A-Za-z-]{0,40}?)\s*(?<number>[0-9*][0-9/.:*]{0,30})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
