using System.Globalization;
using System.Text.Json;
using PostureScan.Core.Serialization;
using PostureScan.Core.Text;

namespace PostureScan.Core.Audit.Normalising;

/// <summary>
/// Reads fields of a parsed record by path. A path segment is a property name, a decimal index into
/// an array, or "*" for every element of an array. Strings are bounded and read through
/// <see cref="TolerantJson"/>: log fields are hostile.
/// </summary>
internal static class JsonFields
{
    public const int MaxChars = 2048;

    public static JsonElement? At(JsonElement element, IReadOnlyList<string> path)
    {
        var current = element;
        foreach (var segment in path)
        {
            if (current.ValueKind == JsonValueKind.Object && TolerantJson.TryGetProperty(current, segment, out var next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>The text of a string or number at the path; null when absent, empty, or of another kind.</summary>
    public static string? Text(JsonElement element, IReadOnlyList<string> path) =>
        At(element, path) is { } value ? TextOf(value) : null;

    /// <summary>The first path of the chain that has a text value (the seed query's coalesce).</summary>
    public static string? Coalesce(JsonElement element, IReadOnlyList<string[]> chain)
    {
        foreach (var path in chain)
        {
            if (Text(element, path) is { } text)
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>Every text value at the path, following "*" through arrays.</summary>
    public static void CollectAll(JsonElement element, IReadOnlyList<string> path, int from, ICollection<string> into)
    {
        if (from == path.Count)
        {
            if (TextOf(element) is { } text && !into.Contains(text))
            {
                into.Add(text);
            }

            return;
        }

        if (path[from] == "*")
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    CollectAll(item, path, from + 1, into);
                }
            }

            return;
        }

        if (At(element, [path[from]]) is { } next)
        {
            CollectAll(next, path, from + 1, into);
        }
    }

    public static string? TextOf(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => TolerantJson.StringOf(value),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // Never half of a surrogate pair, and with the marker: a reader of the value sees it was longer.
        return BoundedText.Cut(text, MaxChars);
    }

    /// <summary>Splits "a.b.c" into a path; for tables of providers whose keys hold no dots.</summary>
    public static string[] Path(string dotted) => dotted.Split('.');
}
