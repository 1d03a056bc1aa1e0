using System.Globalization;
using System.Net;

namespace PostureScan.Cisco.Parsing;

/// <summary>Strict readers for the values of monitor commands and show fields.</summary>
internal static class FieldValues
{
    public static bool TryAddress(string text, out string address)
    {
        address = string.Empty;

        // IPAddress also reads "10" or "10.1" as IPv4; a device always prints the dotted quad.
        if (text.Length > 45 || !IPAddress.TryParse(text, out var parsed) || (!text.Contains(':') && text.Count(c => c == '.') != 3))
        {
            return false;
        }

        address = parsed.ToString();
        return true;
    }

    public static bool TryPrefix(string text, out string prefix)
    {
        prefix = string.Empty;
        if (text.Length > 49 || !IPNetwork.TryParse(text, out var network))
        {
            return false;
        }

        prefix = network.ToString();
        return true;
    }

    public static bool TryVlan(string text, out int vlan) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out vlan) && vlan is >= 1 and <= VlanList.MaxVlan;

    public static bool TryNumber(string text, long min, long max, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    /// <summary>The first word of a value: NX-OS writes <c>5.5.5.5 (global)</c>.</summary>
    public static string FirstWord(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? value : value[..space];
    }
}
