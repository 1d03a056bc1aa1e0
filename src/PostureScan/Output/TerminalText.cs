using System.Globalization;
using System.Text;

namespace PostureScan.Output;

/// <summary>
/// Makes adversary-controlled strings safe and short enough for a terminal: the one place where every
/// command's terminal output (tables, summaries, error lines) replaces the characters a value must not
/// pass to the terminal.
/// </summary>
internal static class TerminalText
{
    public static string Cell(string? value, int max = 60)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "-";
        }

        var clean = new string([.. value.Take(max + 1).Select(c => IsUnsafe(c) ? '?' : c)]);
        return clean.Length > max ? clean[..(max - 1)] + "…" : clean;
    }

    /// <summary>A value for a line of text: unsafe characters replaced, at most <paramref name="max"/> characters and a '…'; empty for none.</summary>
    public static string Line(string? value, int max)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var builder = new StringBuilder(Math.Min(value.Length, max + 1));
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, max)))
        {
            builder.Append(IsUnsafe(c) ? '?' : c);
        }

        if (value.Length > max)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }

    /// <summary>
    /// Control characters (escape sequences, BEL, backspace) could rewrite the operator's terminal; format
    /// characters (bidirectional overrides, zero-width spaces and joiners) and line or paragraph separators
    /// make a value read as something it is not, or reorder the text around it.
    /// </summary>
    public static bool IsUnsafe(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>
    /// A provider id for a cell. Azure resource ids ("/subscriptions/.../virtualNetworkTaps/NAME") and GCP
    /// self links (".../projects/P/regions/R/packetMirrorings/NAME") say what they are at the end, and the
    /// scope column already names the subscription or project, so they are shown by their last type and
    /// name instead of being cut after the common prefix that every row shares.
    /// </summary>
    public static string Id(string? value, int max = 40) => Cell(ShortId(value), max);

    private static string? ShortId(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var isAzure = value.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase);
        var isGcp = value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            && value.Contains("/projects/", StringComparison.Ordinal);
        var parts = value.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // An Azure child resource keeps its parent's type and name: two NICs' tap configurations may share a name.
        var providers = isAzure ? Array.FindIndex(parts, p => p.Equals("providers", StringComparison.OrdinalIgnoreCase)) : -1;
        var kept = providers >= 0 && parts.Length - providers - 2 >= 4 ? parts.Length - providers - 2 : 2;
        return (isAzure || isGcp) && parts.Length > 4 ? $"…/{string.Join('/', parts[^kept..])}" : value;
    }
}
