using System.Text.RegularExpressions;

namespace PostureScan.Cisco.Parsing;

/// <summary>Reads VLAN lists as devices print them: <c>10 , 20 - 22</c>, <c>10,20-22</c>.</summary>
internal static partial class VlanList
{
    public const int MaxVlan = 4094;

    /// <summary>The VLAN ids in order, without repeats, or false when any item is not a VLAN or range.</summary>
    public static bool TryParse(string text, out IReadOnlyList<int> vlans)
    {
        var result = new List<int>();
        var seen = new HashSet<int>();
        vlans = result;
        var items = text.Split(',', StringSplitOptions.TrimEntries);
        if (items.All(string.IsNullOrEmpty))
        {
            return false;
        }

        foreach (var item in items.Where(i => i.Length > 0))
        {
            var match = Item().Match(item);
            if (!match.Success
                || !int.TryParse(match.Groups["from"].ValueSpan, out var from)
                || !TryEnd(match, from, out var to)
                || from < 1 || to > MaxVlan || to < from)
            {
                return false;
            }

            for (var vlan = from; vlan <= to; vlan++)
            {
                if (seen.Add(vlan))
                {
                    result.Add(vlan);
                }
            }
        }

        return true;
    }

    /// <summary>The list written compactly, <c>10,20-22</c>, for descriptions and tags.</summary>
    public static string Format(IReadOnlyList<int> vlans)
    {
        var parts = new List<string>();
        var sorted = vlans.Order().ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            var first = sorted[i];
            while (i + 1 < sorted.Count && sorted[i + 1] == sorted[i] + 1)
            {
                i++;
            }

            parts.Add(first == sorted[i] ? $"{first}" : $"{first}-{sorted[i]}");
        }

        return string.Join(',', parts);
    }

    private static bool TryEnd(Match match, int from, out int to)
    {
        to = from;
        return !match.Groups["to"].Success || int.TryParse(match.Groups["to"].ValueSpan, out to);
    }

    [GeneratedRegex(@"^(?<from>\d{1,4})(?:\s*-\s*(?<to>\d{1,4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Item();
}
