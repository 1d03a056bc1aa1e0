using System.Text.RegularExpressions;

namespace PostureScan.Cisco.Parsing;

/// <summary>
/// Reads interface lists as configs and show output print them: <c>Gi1/0/1 - 4 , Gi1/0/12</c>,
/// <c>Gi1/0/1-4,Gi1/0/12</c>, <c>ethernet 1/1</c>, <c>Eth1/1 Eth1/2</c>. A range expands over the last
/// number of the name. Names are kept as written (devices abbreviate them in running-config).
/// </summary>
internal static partial class InterfaceList
{
    /// <summary>More ports than any chassis has in one range: beyond it the text is not a real config.</summary>
    public const int MaxRange = 512;

    /// <summary>The most names one list may expand to.</summary>
    public const int MaxTotal = SessionDraft.MaxSources;

    public static bool TryParse(string text, out IReadOnlyList<string> interfaces)
    {
        var result = new NameSet();
        interfaces = result.Names;
        var items = text.Split(',', StringSplitOptions.TrimEntries);
        if (items.All(string.IsNullOrEmpty))
        {
            return false;
        }

        foreach (var item in items)
        {
            if (TryExpand(item, result))
            {
                continue;
            }

            // Show output separates names by spaces as well as commas.
            var words = item.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length < 2 || !words.All(w => TryExpand(w, result)))
            {
                return false;
            }
        }

        return result.Names.Count > 0;
    }

    private static bool TryExpand(string item, NameSet result)
    {
        var match = Name().Match(item);
        if (!match.Success)
        {
            return false;
        }

        var type = match.Groups["type"].Value;
        var number = match.Groups["num"].Value;
        if (!match.Groups["end"].Success)
        {
            return result.Add(type + number);
        }

        var cut = number.LastIndexOfAny(['/', ':', '.']) + 1;
        var prefix = number[..cut];
        if (!int.TryParse(number.AsSpan(cut), out var from)
            || !int.TryParse(match.Groups["end"].ValueSpan, out var to)
            || to < from || to - from >= MaxRange)
        {
            return false;
        }

        for (var port = from; port <= to; port++)
        {
            if (!result.Add($"{type}{prefix}{port}"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Names in order of first mention, without repeats, up to <see cref="MaxTotal"/>.</summary>
    private sealed class NameSet
    {
        private readonly HashSet<string> seen = new(StringComparer.OrdinalIgnoreCase);

        public List<string> Names { get; } = [];

        public bool Add(string name)
        {
            if (seen.Add(name))
            {
                Names.Add(name);
            }

            return Names.Count <= MaxTotal;
        }
    }

    [GeneratedRegex(@"^(?<type>[A-Za-z][A-Za-z-]{0,40}?)\s?(?<num>\d{1,6}(?:[/:.]\d{1,6}){0,4})(?:\s*-\s*(?<end>\d{1,6}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
