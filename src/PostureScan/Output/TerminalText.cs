namespace PostureScan.Output;

/// <summary>Makes adversary-controlled strings safe and short enough for a terminal cell.</summary>
internal static class TerminalText
{
    public static string Cell(string? value, int max = 60)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "-";
        }

        // Control characters (escape sequences among them) could rewrite the operator's terminal.
        var clean = new string([.. value.Take(max + 1).Select(c => char.IsControl(c) ? '?' : c)]);
        return clean.Length > max ? clean[..(max - 1)] + "…" : clean;
    }

    /// <summary>
    /// A provider id for a cell. Azure resource ids say what they are at the end ("/subscriptions/...
    /// /virtualNetworkTaps/NAME"), so they are shown by their last type and name, not cut at the front.
    /// </summary>
    public static string Id(string? value, int max = 40) =>
        value is not null && value.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase) && value.Split('/') is { Length: > 4 } parts
            ? Cell($"…/{parts[^2]}/{parts[^1]}", max)
            : Cell(value, max);
}
