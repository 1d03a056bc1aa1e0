using System.Globalization;
using System.Text.RegularExpressions;

namespace PostureScan.Emulator.Logging;

/// <summary>
/// The part of the Logging query language a scanner sends: comparisons joined by AND, each
/// <c>FIELD OP VALUE</c> with =, !=, : (has, a substring), &gt;=, &lt;=, &gt;, &lt;, values quoted or bare, and
/// <c>FIELD:("a" OR "b")</c>. Comparisons ignore case, as the language does; timestamps compare as times.
/// Anything else is refused as an invalid filter rather than guessed at.
/// </summary>
internal sealed partial class LoggingFilter
{
    private const int MaxLength = 20_000;

    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal)
    {
        "timestamp", "logName", "severity", "resource.type", "protoPayload.methodName", "protoPayload.serviceName", "insertId",
    };

    private readonly List<(string Field, string Op, IReadOnlyList<string> Values)> _terms = [];

    private LoggingFilter()
    {
    }

    public static LoggingFilter? Parse(string? text)
    {
        var filter = new LoggingFilter();
        if (string.IsNullOrWhiteSpace(text))
        {
            return filter;
        }

        if (text.Length > MaxLength)
        {
            return null;
        }

        foreach (var clause in And().Split(text.Trim()))
        {
            var match = Comparison().Match(clause.Trim());
            if (!match.Success || !Fields.Contains(match.Groups["field"].Value))
            {
                return null;
            }

            var items = match.Groups["list"].Success ? Or().Split(match.Groups["list"].Value.Trim()) : [match.Groups["value"].Value];
            if (items.Any(i => !Value().IsMatch(i)) || (match.Groups["list"].Success && match.Groups["op"].Value != ":"))
            {
                return null;
            }

            var values = items.Select(Unquote).ToList();

            filter._terms.Add((match.Groups["field"].Value, match.Groups["op"].Value, values));
        }

        return filter;
    }

    /// <summary>The timestamp range the filter asks for; a bound it does not set is null.</summary>
    public (DateTimeOffset? From, DateTimeOffset? To) TimeRange()
    {
        DateTimeOffset? from = null;
        DateTimeOffset? to = null;
        foreach (var (field, op, values) in _terms.Where(t => t.Field == "timestamp" && t.Values.Count == 1))
        {
            if (DateTimeOffset.TryParse(values[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                (from, to) = op is ">=" or ">" ? (time, to) : op is "<=" or "<" ? (from, time) : (from, to);
            }
        }

        return (from, to);
    }

    public bool Includes(LogEntryView entry) => _terms.All(t => t.Values.Any(v => Compare(entry, t.Field, t.Op, v)));

    private static bool Compare(LogEntryView entry, string field, string op, string value)
    {
        var actual = entry.Fields.GetValueOrDefault(field, "");
        if (field == "timestamp" && op is ">=" or "<=" or ">" or "<" or "=")
        {
            if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                return false;
            }

            var c = entry.Time.CompareTo(time);
            return op switch { ">=" => c >= 0, "<=" => c <= 0, ">" => c > 0, "<" => c < 0, _ => c == 0 };
        }

        var order = string.Compare(actual, value, StringComparison.OrdinalIgnoreCase);
        return op switch
        {
            ":" => actual.Contains(value, StringComparison.OrdinalIgnoreCase),
            "=" => order == 0,
            "!=" => order != 0,
            ">=" => order >= 0,
            "<=" => order <= 0,
            ">" => order > 0,
            _ => order < 0,
        };
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal) : value;

    [GeneratedRegex(@"\s+AND\s+(?=(?:[^""]*""[^""]*"")*[^""]*$)")]
    private static partial Regex And();

    [GeneratedRegex(@"^(?<field>[A-Za-z.]+)\s*(?<op>>=|<=|!=|=|:|>|<)\s*(?:\((?<list>[^()]*)\)|(?<value>""(?:[^""\\]|\\.)*""|[^\s""()]+))$")]
    private static partial Regex Comparison();

    [GeneratedRegex(@"\s+OR\s+")]
    private static partial Regex Or();

    [GeneratedRegex(@"^(?:""(?:[^""\\]|\\.)*""|[^\s""()]+)$")]
    private static partial Regex Value();
}
