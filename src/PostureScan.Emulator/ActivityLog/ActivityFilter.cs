using System.Globalization;
using System.Text.RegularExpressions;

namespace PostureScan.Emulator.ActivityLog;

/// <summary>
/// The $filter grammar of ActivityLogs_List, which allows nothing else: <c>eventTimestamp ge 'T1' and
/// eventTimestamp le 'T2'</c>, optionally <c>and</c> one of resourceGroupName, resourceUri, resourceProvider
/// or correlationId <c>eq 'value'</c>. Operation names cannot be filtered: clients match them themselves.
/// </summary>
internal sealed partial record ActivityFilter(DateTimeOffset From, DateTimeOffset To, string? Field, string? Value)
{
    private const int MaxFilterLength = 2048;

    public static ActivityFilter? Parse(string? text)
    {
        if (text is null || text.Length > MaxFilterLength)
        {
            return null;
        }

        DateTimeOffset? from = null;
        DateTimeOffset? to = null;
        string? field = null;
        string? value = null;
        foreach (var clause in Clause().Split(text.Trim()))
        {
            var match = Comparison().Match(clause);
            if (!match.Success)
            {
                return null;
            }

            var (name, op, operand) = (match.Groups[1].Value, match.Groups[2].Value.ToLowerInvariant(), match.Groups[3].Value.Replace("''", "'", StringComparison.Ordinal));
            if (name.Equals("eventTimestamp", StringComparison.OrdinalIgnoreCase) && op is "ge" or "le")
            {
                if (!DateTimeOffset.TryParse(operand, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
                {
                    return null;
                }

                if (op == "ge")
                {
                    from = time;
                }
                else
                {
                    to = time;
                }
            }
            else if (op == "eq" && field is null && name.ToLowerInvariant() is "resourcegroupname" or "resourceuri" or "resourceprovider" or "correlationid")
            {
                (field, value) = (name.ToLowerInvariant(), operand);
            }
            else
            {
                return null;
            }
        }

        return from is { } f && to is { } t ? new ActivityFilter(f, t, field, value) : null;
    }

    public bool Includes(ActivityEvent e) =>
        e.Time >= From && e.Time <= To
        && (Field switch
        {
            "resourcegroupname" => e.ResourceGroup,
            "resourceuri" => e.ResourceId,
            "resourceprovider" => e.ResourceProvider,
            "correlationid" => e.CorrelationId,
            _ => null,
        } is var actual && (Field is null || string.Equals(actual, Value, StringComparison.OrdinalIgnoreCase)));

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Clause();

    [GeneratedRegex(@"^(\w+)\s+(ge|le|eq)\s+'((?:[^']|'')*)'$", RegexOptions.IgnoreCase)]
    private static partial Regex Comparison();
}
