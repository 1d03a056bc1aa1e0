using PostureScan.Core.Text;

namespace PostureScan.Output;

/// <summary>
/// Makes adversary-controlled strings safe and short enough for a terminal: the one place where every
/// command's terminal output (tables, summaries, error lines) replaces the characters a value must not
/// pass to the terminal (<see cref="UnsafeText"/>) with '?'.
/// </summary>
internal static class TerminalText
{
    public static string Cell(string? value, int max = 60)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "-";
        }

        var clean = UnsafeText.Replace(value.Length > max + 1 ? value[..(max + 1)] : value, '?');
        return clean.Length > max ? clean[..(max - 1)] + "…" : clean;
    }

    /// <summary>A value for a line of text: unsafe characters replaced, at most <paramref name="max"/> characters and a '…'; empty for none.</summary>
    public static string Line(string? value, int max)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var clean = UnsafeText.Replace(value.Length > max ? value[..max] : value, '?');
        return value.Length > max ? clean + "…" : clean;
    }

    /// <summary>
    /// An error message for standard error, whole: it may quote what the command read (a path, a table name of
    /// someone else's database, a server's reason), so unsafe characters become '?'; its line breaks stay, as a
    /// message of several settings' errors puts each on its own line.
    /// </summary>
    public static string Message(string message) => UnsafeText.Replace(message, '?', "\n");

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
