using System.Globalization;

namespace PostureScan.Emulator.Aws;

/// <summary>
/// The flat key/value parameters of an AWS query-protocol request, with the list conventions
/// of the EC2 protocol (Name.1, Name.2, Filter.1.Name, Filter.1.Value.1) and of the plain
/// query protocol (Name.member.1).
/// </summary>
internal sealed class QueryParameters(IReadOnlyDictionary<string, string> values)
{
    /// <summary>Bound on list lengths read from a request, as AWS bounds them.</summary>
    public const int MaxListItems = 1000;

    public string? this[string name] => values.TryGetValue(name, out var value) ? value : null;

    public int Count => values.Count;

    public bool IsTrue(string name) => string.Equals(this[name], "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Values of prefix.1, prefix.2, ... up to the first gap.</summary>
    public IReadOnlyList<string> List(string prefix)
    {
        var items = new List<string>();
        for (var i = 1; i <= MaxListItems && values.TryGetValue(string.Create(CultureInfo.InvariantCulture, $"{prefix}.{i}"), out var value); i++)
        {
            items.Add(value);
        }

        return items;
    }

    /// <summary>The EC2 filters: Filter.N.Name with Filter.N.Value.M.</summary>
    public IReadOnlyList<QueryFilter> Filters()
    {
        var filters = new List<QueryFilter>();
        for (var i = 1; i <= MaxListItems; i++)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"Filter.{i}");
            if (this[prefix + ".Name"] is not { } name)
            {
                break;
            }

            filters.Add(new QueryFilter(name, List(prefix + ".Value")));
        }

        return filters;
    }

    public bool TryGetInt(string name, out int? value)
    {
        value = null;
        if (this[name] is not { } text)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }
}
